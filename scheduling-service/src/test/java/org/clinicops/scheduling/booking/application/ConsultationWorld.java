package org.clinicops.scheduling.booking.application;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.adapter.metrics.MicrometerSchedulingMetrics;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.sites.application.SiteCapacityChanged;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Consultation booking over in-memory stores with the full-site memo on or off: sites open 08:00 to
 * 09:30 Monday to Saturday (two 45-minute consultations a physician a day), a two-day horizon, and a
 * clock the test moves. Every path that frees time publishes {@link CapacityFreed} as in the
 * service: the memo hears it first, then the waiting-list retry.
 */
final class ConsultationWorld {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** Monday 5 October 2026, 07:00 in New York. */
    static final Instant MONDAY_7AM =
            LocalDate.of(2026, 10, 5).atTime(LocalTime.of(7, 0)).atZone(ZONE).toInstant();

    final BookingWorld.MutableClock clock;
    final InMemoryRepositories.Store<Site> siteStore;
    final SiteRepository sites;
    final AppointmentRepository appointments;
    final CountingReservations reservations = new CountingReservations();
    final InMemoryWaitingList waitingList = new InMemoryWaitingList();
    final FullSites fullSites;
    final BookConsultation consultation;
    final CancelAppointment cancel;
    final RunSession session;
    final RescheduleAppointment reschedule;
    final WithdrawConsultationRequest withdrawals;
    final RetryWaitingList retry;
    final SweepReservations sweep;
    final MeasureCapacity capacity;

    ConsultationWorld(boolean memo, Instant start) {
        clock = new BookingWorld.MutableClock(start);
        InMemoryRepositories stores = new InMemoryRepositories();
        siteStore = stores.store(Site.class);
        sites = InMemoryRepositories.sites(siteStore);
        InMemoryRepositories.Store<Appointment> appointmentStore = stores.store(InMemoryRepositories.APPOINTMENTS);
        appointments = InMemoryRepositories.appointments(appointmentStore);
        var holds = InMemoryRepositories.holds(stores.store(PatientHolds.class));
        int[] ids = {0};
        IdGenerator idGenerator = prefix -> prefix + (++ids[0]);
        SchedulingProperties properties = new SchedulingProperties(
                15,
                45,
                2,
                10,
                3,
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        fullSites = memo ? new FullSites(sites, clock, Duration.ofSeconds(30)) : FullSites.none(clock);
        RetryWaitingList[] retrying = new RetryWaitingList[1];
        ApplicationEventPublisher events = event -> {
            if (event instanceof CapacityFreed freed) {
                fullSites.onCapacityFreed(freed);
                retrying[0].onCapacityFreed(freed);
            } else if (event instanceof SiteCapacityChanged changed) {
                fullSites.onSiteChanged(changed);
                retrying[0].onSiteChanged(changed);
            }
        };
        SlotSearch search = new SlotSearch(properties, reservations);
        HeldSessions heldSessions = new HeldSessions(appointments, reservations, idGenerator, clock);
        BookingGate gate = new BookingGate(appointments, holds, sites, reservations, heldSessions, events, clock);
        capacity = new MeasureCapacity(sites, reservations, waitingList, search, properties, clock);
        SchedulingMetrics metrics = new MicrometerSchedulingMetrics(new SimpleMeterRegistry(), capacity);
        withdrawals = new WithdrawConsultationRequest(
                new InMemoryWithdrawnRequests(),
                waitingList,
                appointments,
                reservations,
                properties,
                idGenerator,
                clock,
                events);
        consultation = new BookConsultation(
                sites,
                appointments,
                reservations,
                waitingList,
                search,
                properties,
                idGenerator,
                clock,
                withdrawals,
                fullSites);
        cancel = new CancelAppointment(appointments, reservations, properties, idGenerator, clock, events, metrics);
        session = BookingWorld.SessionEnd.runSession(
                gate, appointments, reservations, properties, idGenerator, clock, events, metrics);
        reschedule =
                new RescheduleAppointment(appointments, sites, reservations, search, gate, idGenerator, clock, events);
        retry = new RetryWaitingList(waitingList, consultation, null);
        retrying[0] = retry;
        sweep = new SweepReservations(reservations, properties, clock, fullSites);
    }

    /** A site open 08:00-09:30 Monday to Saturday with these physicians. */
    void site(String siteId, String... physicians) {
        siteStore.insert(Site.register(
                siteId,
                siteId,
                ZONE,
                "USD",
                List.of(),
                physicians(physicians),
                java.util.Arrays.stream(DayOfWeek.values())
                        .filter(day -> day != DayOfWeek.SUNDAY)
                        .map(day -> OpeningHours.of(day, LocalTime.of(8, 0), LocalTime.of(9, 30)))
                        .toList(),
                "evt_site",
                clock.instant()));
    }

    static List<Clinician> physicians(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> new Clinician(id, "Dr " + id, ClinicianRole.PHYSICIAN))
                .toList();
    }

    BookingOutcome request(String requestId, String patientId, String siteId) {
        return consultation.handle(new BookConsultationCommand(requestId, patientId, siteId, false, clock.instant()));
    }

    Appointment consultationOf(String requestId) {
        return appointments.findById(Appointment.consultationId(requestId)).orElseThrow();
    }

    void cancel(String requestId) {
        cancel.handle(Appointment.consultationId(requestId), InfusionCancelled.Reason.PATIENT_REQUEST);
    }

    void withdraw(String requestId, String patientId, String siteId) {
        withdrawals.handle(new WithdrawConsultationRequest.Command(requestId, patientId, siteId, clock.instant()));
    }

    /** Scheduled consultations as "request start", in start order: what the bookings came to. */
    String schedule() {
        return appointments.findInStatus(AppointmentStatus.SCHEDULED).stream()
                .sorted(Comparator.comparing(Appointment::startsAt).thenComparing(Appointment::id))
                .map(a -> a.id() + "@" + a.siteId() + " " + a.startsAt() + " " + a.reservationIds())
                .collect(Collectors.joining("\n"));
    }

    String waiting() {
        return waitingList.inRetryOrder().stream()
                .map(WaitingEntry::id)
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** The in-memory reservations, counting the occupancy reads (horizon searches) and with orphans to sweep. */
    static final class CountingReservations implements Reservations {

        private final InMemoryReservations cells = new InMemoryReservations();
        int occupancyReads;
        /** Where each occupancy read began. */
        final List<Instant> readsFrom = new java.util.ArrayList<>();

        int orphans;
        int atSiteReads;

        @Override
        public boolean reserveAll(List<Reservation> reservations) {
            return cells.reserveAll(reservations);
        }

        @Override
        public void releaseExcept(String appointmentId, Collection<String> keep) {
            cells.releaseExcept(appointmentId, keep);
        }

        @Override
        public void releaseFrom(String appointmentId, Instant from) {
            cells.releaseFrom(appointmentId, from);
        }

        @Override
        public Occupancy occupancy(
                String siteId,
                Collection<String> resources,
                Instant from,
                Instant to,
                Collection<String> ignoreAppointmentIds) {
            occupancyReads++;
            readsFrom.add(from);
            return cells.occupancy(siteId, resources, from, to, ignoreAppointmentIds);
        }

        @Override
        public List<TakenCell> atSite(String siteId, Instant from, Instant to) {
            atSiteReads++;
            return cells.atSite(siteId, from, to);
        }

        @Override
        public List<String> occupancyOf(String resource, Instant from, Instant to) {
            return cells.occupancyOf(resource, from, to);
        }

        @Override
        public int sweepOrphans(Instant createdBefore) {
            int swept = orphans;
            orphans = 0;
            return swept;
        }
    }
}
