package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A clinical hold puts every future session of the patient ON_HOLD and frees its chair; its release
 * books them again, in session order, each at the earliest free time after the previous one. Both
 * are idempotent: a repeated hold finds nothing SCHEDULED, a repeated release nothing ON_HOLD.
 */
@Service
public class ClinicalHolds {

    private final AppointmentRepository appointments;
    private final SiteRepository sites;
    private final Reservations reservations;
    private final SlotSearch search;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ClinicalHolds(
            AppointmentRepository appointments,
            SiteRepository sites,
            Reservations reservations,
            SlotSearch search,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.sites = sites;
        this.reservations = reservations;
        this.search = search;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public int place(String patientId) {
        Instant now = clock.instant();
        int held = 0;
        for (Appointment session :
                appointments.findByPatientIdAndStatusAndStartsAtAfter(patientId, AppointmentStatus.SCHEDULED, now)) {
            if (session.type() != AppointmentType.INFUSION) {
                continue;
            }
            session.placeOnHold(ids.eventId(), now);
            appointments.save(session);
            reservations.releaseExcept(session.id(), List.of());
            events.publishEvent(new CapacityFreed(session.siteId()));
            held++;
        }
        return held;
    }

    /**
     * Re-books the held sessions in session order, each at the earliest free time after the previous
     * one. A session that finds no time within the horizon stays ON_HOLD, marked released, and is
     * retried with the waiting list ({@link #rebookReleased()}).
     */
    public int release(String patientId) {
        return rebook(appointments.findByPatientIdAndStatus(patientId, AppointmentStatus.ON_HOLD));
    }

    /** Retries released sessions that found no time yet. */
    public int rebookReleased() {
        return rebook(appointments.findByStatusAndHoldReleased(AppointmentStatus.ON_HOLD, true));
    }

    private int rebook(List<Appointment> sessions) {
        List<Appointment> held = sessions.stream()
                .sorted(Comparator.comparing(Appointment::patientId).thenComparing(Appointment::sessionNumber))
                .toList();
        int rebooked = 0;
        Instant earliest = search.grid().roundUp(clock.instant());
        Instant notBefore = earliest;
        String patient = "";
        for (Appointment session : held) {
            if (!session.patientId().equals(patient)) {
                patient = session.patientId();
                notBefore = earliest;
            }
            var site = sites.findById(session.siteId());
            Optional<Slot> slot = site.isEmpty()
                    ? Optional.empty()
                    : firstFree(SlotSearch.resourcesOf(site.get()), session, notBefore);
            if (slot.isPresent()) {
                session.releaseHold(slot.get(), ids.eventId(), clock.instant());
                appointments.save(session);
                reservations.releaseExcept(session.id(), session.reservationIds());
                notBefore = slot.get().endsAt();
                rebooked++;
            } else if (!session.holdReleased()) {
                session.awaitTimeAfterRelease(clock.instant());
                appointments.save(session);
            }
        }
        return rebooked;
    }

    private Optional<Slot> firstFree(SiteResources site, Appointment session, Instant notBefore) {
        Duration span = search.grid().span(session.length());
        for (int attempt = 0; attempt < 10; attempt++) {
            Occupancy occupancy = search.occupancy(
                    site,
                    session.patientId(),
                    notBefore,
                    notBefore.plus(Duration.ofDays(properties.seriesHorizonDays() + 1)),
                    session.id());
            Optional<Slot> found = Optional.empty();
            for (var day = site.calendar().localDate(notBefore);
                    !day.isAfter(site.calendar().localDate(notBefore).plusDays(properties.seriesHorizonDays()));
                    day = day.plusDays(1)) {
                found = search.finder()
                        .firstInfusionOn(site, session.patientId(), session.id(), span, day, notBefore, occupancy);
                if (found.isPresent()) {
                    break;
                }
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (reservations.reserveAll(found.get().reservations())) {
                return found;
            }
        }
        return Optional.empty();
    }
}
