package org.clinicops.scheduling.booking.domain;

/**
 * Where an appointment is in its lifecycle: SCHEDULED, CHECKED_IN, IN_PROGRESS, COMPLETED, or
 * CANCELLED, NO_SHOW, ON_HOLD; an infusion in progress may also end early as STOPPED (ended, not
 * completed).
 */
public enum AppointmentStatus {
    SCHEDULED,
    CHECKED_IN,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    NO_SHOW,
    ON_HOLD,
    /** An infusion stopped before its planned end (adverse event, transfer, patient request, equipment). */
    STOPPED;

    /** Whether the appointment still holds its reservations. */
    public boolean holdsTime() {
        return this == SCHEDULED || this == CHECKED_IN || this == IN_PROGRESS || this == COMPLETED || this == STOPPED;
    }
}
