package org.clinicops.scheduling.booking.domain;

import java.util.regex.Pattern;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;

/**
 * A clinician's (or admin's) decision to complete a session although discharge checks fail. Who may
 * give one is decided before (the web adapter refuses a nurse's, 403); the aggregate records it.
 *
 * @param by the staff id of the signed-in clinician or admin, as {@code session-completed} carries it
 * @param reason why, in their words (3 to 500 characters): kept on the session in scheduling, never
 *     put in an event
 */
public record OverrideRequest(String by, String reason) {

    /** A staff id as the event contract allows it in {@code overriddenBy}. */
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    public OverrideRequest {
        if (!STAFF_ID.matcher(by).matches()) {
            throw new ConflictException(
                    "STAFF_ID_NOT_RECORDABLE",
                    "an override is recorded under the signed-in user's staff id, which must be letters, digits"
                            + " and _.:- (at most 128): ask an administrator to correct the account");
        }
        reason = reason.strip();
        if (reason.length() < 3 || reason.length() > 500) {
            throw new InvalidRequestException("override.reason", "must be 3 to 500 characters");
        }
    }
}
