package org.clinicops.scheduling.booking.domain;

/**
 * The rules the booking gate enforces on every path that creates, moves or starts an infusion. The
 * name is the {@code code} of the 409 problem detail, and the reason of a waiting-list entry.
 */
public enum BookingRule {
    /** The patient has an active clinical hold: nothing is booked, moved, checked in or started. */
    PATIENT_ON_HOLD,
    /** Too close to, or too far from, the neighbouring session of the plan, or a weekend in a weekdays-only plan. */
    SPACING,
    /** Another infusion of the patient on the same local calendar day of the site. */
    SAME_DAY,
    /** Session n before session n-1 of the plan, or after session n+1. */
    ORDER,
    /** The session, with its observation time, does not lie within the site's opening hours. */
    OUTSIDE_OPENING_HOURS,
    /** A chair, the nurse ratio, a physician or the patient is taken at that time. */
    SLOT_TAKEN,
    /** Check-in closed a while after the start: the appointment can only be rescheduled or marked a no-show. */
    CHECK_IN_CLOSED
}
