package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A patient's infusions that take place: booked, under way or done (not cancelled, not a no-show,
 * not on hold). What the booking gate compares a new time with: one infusion a day, and the order and
 * spacing of each plan's sessions. Immutable; {@link #with} and {@link #without} give new schedules.
 */
public final class PatientSchedule {

    /** Statuses of an infusion that does not take place (any other status does, or did). */
    private static final Set<AppointmentStatus> NOT_TAKING_PLACE =
            EnumSet.of(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW, AppointmentStatus.ON_HOLD);

    /** One infusion of the patient. */
    public record Entry(
            String appointmentId,
            @Nullable String planId,
            int sessionNumber,
            Instant startsAt,
            Instant endsAt,
            SpacingPolicy spacing,
            AppointmentStatus status) {

        public static Entry of(Appointment a) {
            return new Entry(a.id(), a.planId(), a.sessionNumber(), a.startsAt(), a.endsAt(), a.spacing(), a.status());
        }

        public static Entry of(Placement p) {
            return new Entry(
                    p.appointmentId(),
                    p.planId(),
                    p.sessionNumber(),
                    p.startsAt(),
                    p.endsAt(),
                    p.spacing(),
                    AppointmentStatus.SCHEDULED);
        }

        public LocalDate day(ZoneId zone) {
            return startsAt.atZone(zone).toLocalDate();
        }
    }

    private final List<Entry> entries;

    private PatientSchedule(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static PatientSchedule empty() {
        return new PatientSchedule(List.of());
    }

    /** The infusions among the appointments that take place. */
    public static PatientSchedule of(Collection<Appointment> appointments) {
        return new PatientSchedule(appointments.stream()
                .filter(a -> a.type() == AppointmentType.INFUSION)
                .filter(PatientSchedule::takesPlace)
                .map(Entry::of)
                .toList());
    }

    /** Whether an appointment in this status takes (or took) place: everything but cancelled, no-show, on hold. */
    public static boolean takesPlace(Appointment a) {
        return !NOT_TAKING_PLACE.contains(a.status());
    }

    /** Statuses that take place, for queries. */
    public static Set<AppointmentStatus> takingPlace() {
        EnumSet<AppointmentStatus> statuses = EnumSet.allOf(AppointmentStatus.class);
        statuses.removeAll(NOT_TAKING_PLACE);
        return statuses;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** This schedule without the given appointments (the ones being placed). */
    public PatientSchedule without(Collection<String> appointmentIds) {
        return new PatientSchedule(entries.stream()
                .filter(e -> !appointmentIds.contains(e.appointmentId()))
                .toList());
    }

    /** This schedule with the placement in it (replacing the same appointment's entry). */
    public PatientSchedule with(Placement placement) {
        List<Entry> next = new ArrayList<>(without(List.of(placement.appointmentId())).entries);
        next.add(Entry.of(placement));
        return new PatientSchedule(next);
    }

    /** Another infusion of the patient on that local day (in the zone given), other than the one named. */
    public Optional<Entry> onDay(LocalDate day, ZoneId zone, String exceptAppointmentId) {
        return entries.stream()
                .filter(e -> !e.appointmentId().equals(exceptAppointmentId))
                .filter(e -> e.day(zone).equals(day))
                .findFirst();
    }

    /** The nearest earlier-numbered session of the plan that takes place. */
    public Optional<Entry> before(String planId, int sessionNumber) {
        return entries.stream()
                .filter(e -> planId.equals(e.planId()) && e.sessionNumber() < sessionNumber)
                .max(Comparator.comparingInt(Entry::sessionNumber));
    }

    /** The nearest later-numbered session of the plan that takes place. */
    public Optional<Entry> after(String planId, int sessionNumber) {
        return entries.stream()
                .filter(e -> planId.equals(e.planId()) && e.sessionNumber() > sessionNumber)
                .min(Comparator.comparingInt(Entry::sessionNumber));
    }
}
