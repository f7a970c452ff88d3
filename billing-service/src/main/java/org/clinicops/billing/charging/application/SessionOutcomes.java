package org.clinicops.billing.charging.application;

import java.time.Instant;

/**
 * How each infusion appointment ended as far as billing is concerned: the first of
 * session-completed and session-stopped to arrive owns the appointment, so the other one never
 * charges, in either order, even when the first charged nothing (a session stopped before anything
 * was given).
 */
public interface SessionOutcomes {

    /** How a session ended. */
    enum Outcome {
        COMPLETED,
        STOPPED
    }

    /**
     * Records the outcome of an appointment unless one is recorded. True when this outcome is the
     * appointment's (just recorded or recorded before, e.g. by a redelivery whose charge failed half
     * way), false when the appointment ended the other way.
     */
    boolean claim(String appointmentId, Outcome outcome, Instant endedAt);
}
