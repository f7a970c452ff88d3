package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.OpeningHoursPolicy;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.springframework.stereotype.Service;

/**
 * Moves an appointment to a free future start (minutes from now are fine: walk-ins). A taken or
 * closed time is refused with 409 and the nearest free start times as {@code alternatives}.
 */
@Service
public class RescheduleAppointment {

    private static final int ALTERNATIVES = 5;
    private static final int ALTERNATIVE_DAYS = 7;

    private final AppointmentRepository appointments;
    private final SiteRepository sites;
    private final Reservations reservations;
    private final SlotSearch search;
    private final IdGenerator ids;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    RescheduleAppointment(
            AppointmentRepository appointments,
            SiteRepository sites,
            Reservations reservations,
            SlotSearch search,
            IdGenerator ids,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.sites = sites;
        this.reservations = reservations;
        this.search = search;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Appointment handle(String appointmentId, Instant startsAt) {
        Appointment appointment = appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        if (appointment.status() != AppointmentStatus.SCHEDULED) {
            throw new ConflictException(
                    "ILLEGAL_TRANSITION",
                    "cannot reschedule an appointment that is " + appointment.status(),
                    Map.of("status", appointment.status().name()));
        }
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw new InvalidRequestException("startsAt", "must be in the future");
        }
        SiteResources site = SlotSearch.resourcesOf(sites.findById(appointment.siteId())
                .orElseThrow(() -> new NotFoundException("site", appointment.siteId())));
        boolean infusion = appointment.type() == AppointmentType.INFUSION;
        var span = search.grid().span(appointment.length());
        Instant from = startsAt.minus(java.time.Duration.ofDays(ALTERNATIVE_DAYS + 1));
        Instant to = startsAt.plus(java.time.Duration.ofDays(ALTERNATIVE_DAYS + 2));
        Occupancy occupancy = search.occupancy(site, appointment.patientId(), from, to, appointment.id());
        // any future time is accepted (walk-ins); the cells reserved cover it rounded out to the grid
        Instant endsAt = startsAt.plus(appointment.length());
        Instant gridStart = search.grid().roundDown(startsAt);
        var cells = search.grid().span(java.time.Duration.between(gridStart, endsAt));
        boolean fits = new OpeningHoursPolicy(site.calendar(), search.grid()).isOpen(startsAt, endsAt);
        Optional<Slot> slot = fits
                ? slotAt(site, appointment, gridStart, cells, occupancy, infusion)
                        .map(s -> new Slot(startsAt, endsAt, s.clinicianId(), s.chairId(), s.reservations()))
                : Optional.empty();
        if (slot.isPresent() && reservations.reserveAll(slot.get().reservations())) {
            appointment.reschedule(slot.get(), ids.eventId(), now);
            Appointment saved = appointments.save(appointment);
            reservations.releaseExcept(appointment.id(), saved.reservationIds());
            events.publishEvent(new CapacityFreed(appointment.siteId()));
            return saved;
        }
        List<Instant> alternatives = search.finder()
                .nearestFreeStarts(
                        site,
                        appointment.patientId(),
                        appointment.id(),
                        infusion,
                        span,
                        startsAt,
                        search.grid().roundUp(now),
                        ALTERNATIVE_DAYS,
                        ALTERNATIVES,
                        occupancy);
        throw new ConflictException(
                "SLOT_TAKEN",
                fits ? "the requested time is taken" : "the requested time is outside opening hours",
                Map.of(
                        "alternatives",
                        alternatives.stream().map(Instant::toString).toList()));
    }

    private Optional<Slot> slotAt(
            SiteResources site,
            Appointment appointment,
            Instant start,
            java.time.Duration span,
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
