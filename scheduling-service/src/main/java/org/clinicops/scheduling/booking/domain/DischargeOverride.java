package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.List;

/**
 * Discharge checks a clinician or admin overrode when the session completed: which, by whom, why
 * and when. Stored on the session; {@code session-completed} carries the checks and who, never the
 * reason.
 */
public record DischargeOverride(List<DischargeCheck> checks, String by, String reason, Instant at) {

    public DischargeOverride {
        checks = List.copyOf(checks);
    }
}
