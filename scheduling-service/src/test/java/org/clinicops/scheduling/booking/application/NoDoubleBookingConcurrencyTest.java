package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.adapter.mongo.MongoBookingStores;
import org.clinicops.scheduling.booking.adapter.mongo.MongoReservations;
import org.clinicops.scheduling.booking.adapter.mongo.MongoWaitingList;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.adapter.mongo.MongoSiteStores;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two service instances (each with its own MongoDB client) and many threads race for the last free
 * chair slot or physician slot of a site: the database's unique reservation ids let exactly one win.
 */
class NoDoubleBookingConcurrencyTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    // Tuesday 1 December 2026, 07:00 in New York
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final int THREADS = 24;

    private final List<MongoClient> clients = new ArrayList<>();
    private final List<Instance> instances = new ArrayList<>();
    private MongoTemplate inspector;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        String uri = InMemoryMongo.freshDatabaseUri("race");
        String database = uri.substring(uri.lastIndexOf('/') + 1);
        for (int i = 0; i < 2; i++) {
            MongoClient client = MongoClients.create(uri);
            clients.add(client);
            instances.add(new Instance(new MongoTemplate(client, database)));
        }
        inspector = instances.get(0).mongo;
        // one chair, one nurse, one physician; open Tuesday 09:00-11:45 only: room for exactly one
        // infusion (40 + 120 minutes) or three consultations of 45 minutes in a row on one physician
        inspector.insert(Site.register(
                "race",
                "Race",
                ZONE,
                "USD",
                List.of(new Chair("race-1", "Chair 1", true)),
                List.of(
                        new Clinician("race-dr", "Dr Race", ClinicianRole.PHYSICIAN),
                        new Clinician("race-rn", "Nurse Race", ClinicianRole.NURSE)),
                List.of(OpeningHours.of(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 45))),
                "evt_site",
                CLOCK.instant()));
    }

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
    }

    @Test
    void exactlyOneOfManyConcurrentSeriesGetsTheLastChairSlot() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<BookingOutcome> outcomes = race(() -> {
            int i = n.incrementAndGet();
            Instance instance = instances.get(i % 2);
            return instance.series.handle(new BookInfusionSeriesCommand(
                    new InfusionPlan(
                            "plan_" + i, Protocol.BOOSTER, Route.IV_INFUSION, 1, 40, 120, new BigDecimal("35"), true),
                    "p_" + i,
                    "race",
                    new SpacingPolicy(0, 0, false),
                    CLOCK.instant()));
        });

        assertThat(outcomes).filteredOn(o -> o == BookingOutcome.BOOKED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == BookingOutcome.WAITING).hasSize(THREADS - 1);
        List<Appointment> booked = MongoBookingStores.allAppointments(inspector);
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).startsAt()).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(inspector.getCollection("reservations").countDocuments())
                .isEqualTo(booked.get(0).reservationIds().size());
        assertNoOverlaps(booked);
    }

    @Test
    void concurrentConsultationsNeverShareAPhysicianOrOverlap() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<BookingOutcome> outcomes = race(() -> {
            int i = n.incrementAndGet();
            return instances
                    .get(i % 2)
                    .consultation
                    .handle(new BookConsultationCommand("req_" + i, "p_" + i, "race", false, CLOCK.instant()));
        });

        assertThat(outcomes).filteredOn(o -> o == BookingOutcome.BOOKED).hasSize(3);
        List<Appointment> booked = MongoBookingStores.allAppointments(inspector);
        assertThat(booked).hasSize(3);
        assertNoOverlaps(booked);
    }

    @Test
    void onlyOneOfTwoInstancesReservesTheSameCells() throws Exception {
        Instant cell = Instant.parse("2026-12-01T14:00:00Z");
        AtomicInteger n = new AtomicInteger();
        List<Boolean> wins = race(() -> {
            int i = n.incrementAndGet();
            String appointment = "apt_" + i;
            return instances
                    .get(i % 2)
                    .reservations
                    .reserveAll(List.of(
                            Reservation.of(Reservation.chair("race", "race-1"), "race", cell, appointment),
                            Reservation.of(
                                    Reservation.chair("race", "race-1"),
                                    "race",
                                    cell.plus(Duration.ofMinutes(15)),
                                    appointment)));
        });
        assertThat(wins).filteredOn(w -> w).hasSize(1);
        assertThat(inspector.getCollection("reservations").countDocuments()).isEqualTo(2);
    }

    private <T> List<T> race(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                tasks.add(task);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNoOverlaps(List<Appointment> appointments) {
        for (Appointment a : appointments) {
            for (Appointment b : appointments) {
                if (a == b
                        || !a.startsAt().isBefore(b.endsAt())
                        || !b.startsAt().isBefore(a.endsAt())) {
                    continue;
                }
                assertThat(a.chairId() != null && a.chairId().equals(b.chairId()))
                        .as("chair of %s and %s", a.id(), b.id())
                        .isFalse();
                assertThat(a.clinicianId() != null && a.clinicianId().equals(b.clinicianId()))
                        .as("clinician of %s and %s", a.id(), b.id())
                        .isFalse();
                assertThat(a.patientId()).isNotEqualTo(b.patientId());
            }
        }
    }

    /** One service instance: its own client, template and use cases. */
    private static final class Instance {
        final MongoTemplate mongo;
        final MongoReservations reservations;
        final BookInfusionSeries series;
        final BookConsultation consultation;

        Instance(MongoTemplate mongo) {
            this.mongo = mongo;
            SiteRepository sites = MongoSiteStores.sites(mongo);
            AppointmentRepository appointments = MongoBookingStores.appointments(mongo);
            this.reservations = new MongoReservations(mongo, CLOCK);
            WaitingList waitingList = new MongoWaitingList(mongo);
            SchedulingProperties properties = new SchedulingProperties(
                    15,
                    45,
                    0,
                    0,
                    3,
                    Duration.ofHours(2),
                    Duration.ofMinutes(30),
                    Duration.ofHours(24),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(1));
            SlotSearch search = new SlotSearch(properties, reservations);
            IdGenerator ids = prefix -> prefix + UUID.randomUUID();
            BookingGate gate = BookingGates.of(
                    appointments, MongoBookingStores.patientHolds(mongo), sites, reservations, ids, CLOCK, event -> {});
            this.series = new BookInfusionSeries(
                    sites, appointments, reservations, waitingList, search, gate, properties, ids, CLOCK);
            this.consultation = new BookConsultation(
                    sites,
                    appointments,
                    reservations,
                    waitingList,
                    search,
                    properties,
                    ids,
                    CLOCK,
                    new WithdrawConsultationRequest(
                            new InMemoryWithdrawnRequests(),
                            waitingList,
                            appointments,
                            reservations,
                            properties,
                            ids,
                            CLOCK,
                            event -> {}));
        }
    }
}
