package org.clinicops.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.clinicops.scheduling.sites.domain.SiteCalendar;
import org.jspecify.annotations.Nullable;

/**
 * A time an appointment is about to take: a new session, a move, a rebooking after a hold. What the
 * booking gate checks before anything is written.
 *
 * @param planId the plan of an infusion session (null for a consultation)
 * @param sessionNumber its number in the plan (0 for a consultation)
 * @param spacing the plan's spacing
 * @param calendar the site's calendar (zone, opening hours, closures)
 */
public record Placement(
        String appointmentId,
        AppointmentType type,
        @Nullable String planId,
        int sessionNumber,
        SpacingPolicy spacing,
        Instant startsAt,
        Instant endsAt,
        SiteCalendar calendar) {

    /** A placement of an existing appointment at another time of the same length. */
    public static Placement of(Appointment appointment, Instant startsAt, SiteCalendar calendar) {
        return new Placement(
                appointment.id(),
                appointment.type(),
                appointment.planId(),
                appointment.sessionNumber(),
                appointment.spacing(),
                startsAt,
                startsAt.plus(appointment.length()),
                calendar);
    }

    /** The same placement at another start, same length. */
    public Placement at(Instant start) {
        return new Placement(
                appointmentId,
                type,
                planId,
                sessionNumber,
                spacing,
                start,
                start.plus(Duration.between(startsAt, endsAt)),
                calendar);
    }

    public LocalDate day() {
        return calendar.localDate(startsAt);
    }

    public boolean infusion() {
        return type == AppointmentType.INFUSION;
    }
}
