package org.clinicops.scheduling.booking.application;

/** What a booking attempt did. */
public enum BookingOutcome {
    BOOKED,
    ALREADY_BOOKED,
    WAITING,
    /** The consultation request was withdrawn in intake: nothing is (or stays) booked for it. */
    WITHDRAWN
}
