package org.clinicops.intake.requests.domain;

/**
 * Where the request's consultation stands, as intake learned it from scheduling's events (in any
 * order): screening needs {@link #CHECKED_IN} or later, the decision to treat {@link #COMPLETED}.
 */
public enum ConsultationStatus {
    /** No consultation event has arrived yet. */
    NOT_BOOKED,
    SCHEDULED,
    CHECKED_IN,
    COMPLETED
}
