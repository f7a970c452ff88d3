package org.clinicops.platform.change;

import java.util.Map;
import java.util.Set;
import org.clinicops.platform.problem.ConflictException;

/**
 * The one status transition guard of the platform's aggregates: an action is allowed only from the
 * states it names; from any other the answer is 409 {@code ILLEGAL_TRANSITION} with the current
 * {@code status} as a property, worded "cannot issue an invoice that is PAID".
 */
public final class StatusGuard {

    /** The problem code of a refused transition. */
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";

    private StatusGuard() {}

    /**
     * Refuses the action unless the current status is one of the allowed ones.
     *
     * @param action what is attempted, as a verb phrase ("issue", "release the hold of")
     * @param thing the aggregate with its article ("an invoice", "a request")
     * @param status the aggregate's current status
     * @param allowed the states the action may start from
     * @throws ConflictException {@code ILLEGAL_TRANSITION} when the status is not allowed
     */
    public static <S extends Enum<S>> void require(String action, String thing, S status, Set<S> allowed) {
        if (!allowed.contains(status)) {
            throw illegal(action, thing, status);
        }
    }

    /** The refusal of the action from the current status, for a guard with a condition of its own. */
    public static ConflictException illegal(String action, String thing, Enum<?> status) {
        return new ConflictException(
                ILLEGAL_TRANSITION,
                "cannot " + action + " " + thing + " that is " + status,
                Map.of("status", status.name()));
    }
}
