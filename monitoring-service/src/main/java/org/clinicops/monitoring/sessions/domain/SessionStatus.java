package org.clinicops.monitoring.sessions.domain;

/**
 * Where an infusion session stands as far as monitoring can tell from scheduling's events.
 * Scheduling publishes no event for an infusion check-in or start, so a session checked in or in
 * progress is still {@link #SCHEDULED} here.
 */
public enum SessionStatus {
    /** Booked (infusion-scheduled or -rescheduled); possibly checked in or in progress. */
    SCHEDULED,
    /** Waiting for a clinical hold to be released (infusion-cancelled with {@code onHold}). */
    ON_HOLD,
    /** Cancelled (infusion-cancelled). */
    CANCELLED,
    /** The patient did not come (patient-no-show). */
    NO_SHOW,
    /** Infusion and recovery finished, patient discharged (session-completed). */
    COMPLETED,
    /** The infusion was stopped before its planned end (session-stopped). */
    STOPPED;

    /** Whether the session ended with an infusion given (completed or stopped). */
    public boolean ended() {
        return this == COMPLETED || this == STOPPED;
    }

    /**
     * Which of two statuses stamped with the same instant wins: an ended session stays ended, and
     * otherwise the status that refuses safety writes wins (the safe side when order is unknown).
     */
    int precedence() {
        return switch (this) {
            case SCHEDULED -> 0;
            case ON_HOLD -> 1;
            case CANCELLED -> 2;
            case NO_SHOW -> 3;
            case COMPLETED -> 4;
            case STOPPED -> 5;
        };
    }
}
