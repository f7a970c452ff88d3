package org.clinicops.scheduling.booking.application;

/** What a booking attempt did. */
public enum BookingOutcome {
    BOOKED,
    ALREADY_BOOKED,
    WAITING
}
