package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.clinicops.platform.change.StatusGuard;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.BookingRefusedException;
import org.clinicops.scheduling.booking.domain.BookingRule;
import org.clinicops.scheduling.booking.domain.BookingRules;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Placement;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Moves an appointment to a future start (minutes from now are fine: walk-ins), through the booking
 * gate: a time the gate refuses is a 409 whose {@code code} names the rule ({@code PATIENT_ON_HOLD},
 * {@code SPACING}, {@code SAME_DAY}, {@code ORDER}, {@code OUTSIDE_OPENING_HOURS}, {@code SLOT_TAKEN})
 * with the nearest start times the gate would accept as {@code alternatives}. Nothing is written
 * on a refusal.
 */
@Service
public class RescheduleAppointment {

    private static final int ALTERNATIVES = 5;
    private static final int ALTERNATIVE_DAYS = 7;

    private final AppointmentRepository appointments;
    private final SiteRepository sites;
    private final Reservations reservations;
    private final SlotSearch search;
    private final BookingGate gate;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RescheduleAppointment(
            AppointmentRepository appointments,
            SiteRepository sites,
            Reservations reservations,
            SlotSearch search,
            BookingGate gate,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.sites = sites;
        this.reservations = reservations;
        this.search = search;
        this.gate = gate;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Appointment handle(String appointmentId, Instant startsAt) {
        Appointment appointment = appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        StatusGuard.require("reschedule", "an appointment", appointment.status(), Set.of(AppointmentStatus.SCHEDULED));
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new InvalidRequestException("startsAt", "must be in the future");
        }
        SiteResources site = SlotSearch.resourcesOf(sites.findById(appointment.siteId())
                .orElseThrow(() -> new NotFoundException("site", appointment.siteId())));
        boolean infusion = appointment.type() == AppointmentType.INFUSION;
        Placement placement = Placement.of(appointment, startsAt, site.calendar());
        BookingRules rules = gate.rulesFor(appointment.patientId(), List.of(appointment.id()));
        Instant from = startsAt.minus(Duration.ofDays(ALTERNATIVE_DAYS + 1));
        Instant to = startsAt.plus(Duration.ofDays(ALTERNATIVE_DAYS + 2));
        Occupancy occupancy = search.occupancy(site, appointment.patientId(), from, to, appointment.id());
        Optional<BookingRefusedException> refused = rules.refusal(placement);
        if (refused.isEmpty()) {
            // any future time is accepted (walk-ins); the cells reserved cover it rounded out to the grid
            Instant gridStart = search.grid().roundDown(startsAt);
            Duration cells = search.grid().span(Duration.between(gridStart, placement.endsAt()));
            Optional<Slot> slot = slotAt(site, appointment, gridStart, cells, occupancy, infusion)
                    .map(s -> new Slot(startsAt, placement.endsAt(), s.clinicianId(), s.chairId(), s.reservations()));
            if (slot.isPresent()) {
                try {
                    gate.admit(
                            appointment.patientId(),
                            List.of(placement),
                            slot.get().reservations());
                    appointment.reschedule(slot.get(), ids.eventId(), now);
                    Appointment saved = appointments.save(appointment);
                    reservations.releaseExcept(appointment.id(), saved.reservationIds());
                    events.publishEvent(new CapacityFreed(appointment.siteId()));
                    gate.afterWrite(appointment.patientId());
                    return saved;
                } catch (BookingRefusedException lost) {
                    refused = Optional.of(lost);
                }
            } else {
                refused =
                        Optional.of(new BookingRefusedException(BookingRule.SLOT_TAKEN, "the requested time is taken"));
            }
        }
        List<Instant> alternatives = rules.held()
                ? List.of()
                : search.finder()
                        .nearestFreeStarts(
                                site,
                                appointment.patientId(),
                                appointment.id(),
                                infusion,
                                search.grid().span(appointment.length()),
                                startsAt,
                                search.grid().roundUp(now),
                                ALTERNATIVE_DAYS,
                                ALTERNATIVES,
                                occupancy,
                                admissible(rules, placement));
        throw refused.get()
                .with(Map.of(
                        "alternatives",
                        alternatives.stream().map(Instant::toString).toList()));
    }

    /**
     * Start times the gate's rules accept for the appointment: the day rules, decided once per day
     * (the candidates are already within opening hours).
     */
    private static Predicate<Instant> admissible(BookingRules rules, Placement placement) {
        Map<LocalDate, Boolean> days = new HashMap<>();
        return start -> days.computeIfAbsent(
                placement.calendar().localDate(start),
                day -> rules.refusal(placement.at(start)).isEmpty());
    }

    private Optional<Slot> slotAt(
            SiteResources site,
            Appointment appointment,
            Instant start,
            Duration span,
            Occupancy occupancy,
            boolean infusion) {
        return infusion
                ? search.finder()
                        .infusionAt(
                                site,
                                appointment.patientId(),
                                appointment.id(),
                                start,
                                span,
                                occupancy,
                                appointment.chairId())
                : search.finder()
                        .consultationAt(
                                site,
                                appointment.patientId(),
                                appointment.id(),
                                start,
                                span,
                                occupancy,
                                appointment.clinicianId());
    }
}
