package org.clinicops.scheduling.booking.domain;

import java.util.List;
import java.util.Map;
import org.clinicops.platform.problem.ConflictException;

/**
 * A session may not complete: a 409 whose {@code code} names the first failed check and whose
 * {@code failedChecks} list every one, in {@link DischargeCheck} order.
 */
public class DischargeRefusedException extends ConflictException {

    private final List<DischargeCheck> failed;

    public DischargeRefusedException(List<DischargePolicy.Failure> failures) {
        super(
                failures.get(0).check().name(),
                "cannot complete the session: "
                        + String.join(
                                "; ",
                                failures.stream()
                                        .map(f -> f.check() + ": " + f.message())
                                        .toList())
                        + ". A CLINICIAN or ADMIN may override with {\"override\":{\"reason\":\"...\"}}",
                Map.of(
                        "failedChecks",
                        failures.stream().map(f -> f.check().name()).toList()));
        this.failed = failures.stream().map(DischargePolicy.Failure::check).toList();
    }

    /** The checks that failed. */
    public List<DischargeCheck> failedChecks() {
        return failed;
    }
}
