package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.adapter.mongo.MongoBookingStores;
import org.clinicops.scheduling.booking.adapter.mongo.MongoReservations;
import org.clinicops.scheduling.booking.adapter.mongo.MongoWaitingList;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.adapter.mongo.MongoSiteStores;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Closure;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A hold's release rebooks the held sessions in plan order with the plan's spacing, on the real
 * MongoDB adapters; a session that finds no such time waits, says why, and is booked by the waiting
 * list once it can be.
 */
class ClinicalHoldsRebookingTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    // Monday 30 November 2026, 06:00 in Chicago
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final BookingWorld.MutableClock clock =
            new BookingWorld.MutableClock(MONDAY.atTime(6, 0).atZone(ZONE).toInstant());
    private MongoClient client;
    private MongoTemplate mongo;
    private SiteRepository sites;
    private AppointmentRepository appointments;
    private PatientHoldsRepository holdRepository;
    private MongoWaitingList waitingList;
    private BookInfusionSeries series;
    private ClinicalHolds holds;
    private RetryWaitingList retry;

    @BeforeEach
    void setUp() {
        String uri = InMemoryMongo.freshDatabaseUri("holds");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        sites = MongoSiteStores.sites(mongo);
        appointments = MongoBookingStores.appointments(mongo);
        holdRepository = MongoBookingStores.patientHolds(mongo);
        MongoReservations reservations = new MongoReservations(mongo, clock);
        waitingList = new MongoWaitingList(mongo);
        SchedulingProperties properties = new SchedulingProperties(
                15,
                45,
                7,
                14,
                3,
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        IdGenerator ids = prefix -> prefix + UUID.randomUUID();
        SlotSearch search = new SlotSearch(properties, reservations);
        HeldSessions held = new HeldSessions(appointments, reservations, ids, clock);
        BookingGate gate = new BookingGate(appointments, holdRepository, sites, reservations, held, e -> {}, clock);
        series = new BookInfusionSeries(
                sites, appointments, reservations, waitingList, search, gate, properties, ids, clock);
        holds = new ClinicalHolds(
                holdRepository,
                appointments,
                sites,
                reservations,
                search,
                gate,
                held,
                waitingList,
                properties,
                ids,
                clock,
                e -> {});
        retry = new RetryWaitingList(
                waitingList,
                new BookConsultation(
                        sites,
                        appointments,
                        reservations,
                        waitingList,
                        search,
                        properties,
                        ids,
                        clock,
                        new WithdrawConsultationRequest(
                                new InMemoryWithdrawnRequests(),
                                waitingList,
                                appointments,
                                reservations,
                                properties,
                                ids,
                                clock,
                                event -> {})),
                series,
                holds);
        List<OpeningHours> weekdays = java.util.Arrays.stream(DayOfWeek.values())
                .filter(d -> d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY)
                .map(d -> OpeningHours.of(d, LocalTime.of(8, 0), LocalTime.of(18, 0)))
                .toList();
        mongo.insert(Site.register(
                "chi",
                "Chicago",
                ZONE,
                "USD",
                List.of(new Chair("chi-1", "Chair 1", true)),
                List.of(new Clinician("chi-rn", "Nurse", ClinicianRole.NURSE)),
                weekdays,
                "evt_site",
                clock.instant()));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private void book(String planId, int sessions, SpacingPolicy spacing) {
        assertThat(series.handle(new BookInfusionSeriesCommand(
                        new InfusionPlan(
                                planId,
                                Protocol.PAIN_SERIES,
                                Route.IV_INFUSION,
                                sessions,
                                60,
                                90,
                                new BigDecimal("40"),
                                true),
                        "p_1",
                        "chi",
                        spacing,
                        clock.instant())))
                .isEqualTo(BookingOutcome.BOOKED);
    }

    private List<Appointment> sessions() {
        return MongoBookingStores.allAppointments(mongo).stream()
                .sorted(Comparator.comparingInt(Appointment::sessionNumber))
                .toList();
    }

    private static LocalDate day(Appointment a) {
        return a.startsAt().atZone(ZONE).toLocalDate();
    }

    @Test
    void theReleaseRebooksTheHeldSessionsInPlanOrderWithThePlansSpacing() {
        book("plan_ind", 3, new SpacingPolicy(2, 4, false));

        holds.place("hold_1", "p_1", "chi", clock.instant());
        assertThat(sessions()).extracting(Appointment::status).containsOnly(AppointmentStatus.ON_HOLD);
        assertThat(holdRepository.findById("p_1"))
                .hasValueSatisfying(h -> assertThat(h.held()).isTrue());

        clock.advance(Duration.ofDays(1));
        holds.release("hold_1", "p_1", "chi", clock.instant());

        List<Appointment> rebooked = sessions();
        assertThat(rebooked).extracting(Appointment::status).containsOnly(AppointmentStatus.SCHEDULED);
        assertThat(rebooked)
                .extracting(ClinicalHoldsRebookingTest::day)
                .as("the site is closed on Saturday: Monday is four days after Thursday")
                .containsExactly(MONDAY.plusDays(1), MONDAY.plusDays(3), MONDAY.plusDays(7));
        assertThat(rebooked.get(0).pendingEvents())
                .extracting(PendingEvent::type)
                .endsWith("clinic.infusion-rescheduled.v1");
        assertThat(holdRepository.findById("p_1"))
                .hasValueSatisfying(h -> assertThat(h.held()).isFalse());
    }

    @Test
    void aSessionThatFindsNoTimeKeepingItsSpacingWaitsSaysWhyAndIsBookedWhenItCan() {
        book("plan_pain", 2, new SpacingPolicy(1, 1, true));
        holds.place("hold_1", "p_1", "chi", clock.instant());
        // Tuesday, the only day that keeps one weekday after Monday, closes
        Site site = sites.findById("chi").orElseThrow();
        site.addClosure(new Closure(MONDAY.plusDays(1).toString(), "works"), "evt_closed", clock.instant());
        sites.save(site);

        holds.release("hold_1", "p_1", "chi", clock.instant());

        List<Appointment> after = sessions();
        assertThat(after.get(0).status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(day(after.get(0))).isEqualTo(MONDAY);
        assertThat(after.get(1).status()).isEqualTo(AppointmentStatus.ON_HOLD);
        assertThat(after.get(1).infusion().holdReleased()).isTrue();
        assertThat(after.get(1).infusion().waitingReason()).isEqualTo("NO_CAPACITY");
        assertThat(waitingList.inRetryOrder()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("held:plan_pain");
            assertThat(entry.kind()).isEqualTo(WaitingEntry.Kind.HELD_SESSIONS);
            assertThat(entry.reason()).isEqualTo("NO_CAPACITY");
        });

        // Wednesday: the one-weekday window has passed, the session is booked as soon as it can be
        clock.advance(Duration.ofDays(2));
        assertThat(retry.retry(null)).isEqualTo(1);

        Appointment second = sessions().get(1);
        assertThat(second.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(day(second)).isEqualTo(MONDAY.plusDays(2));
        assertThat(second.infusion().waitingReason()).isNull();
        assertThat(waitingList.inRetryOrder()).isEmpty();
    }

    @Test
    void aPlanApprovedDuringAHoldWaitsAndTheReleaseLetsItBook() {
        holds.place("hold_1", "p_1", "chi", clock.instant());

        BookingOutcome outcome = series.handle(new BookInfusionSeriesCommand(
                new InfusionPlan("plan_new", Protocol.PAIN_SERIES, Route.IV_INFUSION, 2, 60, 90, BigDecimal.TEN, true),
                "p_1",
                "chi",
                new SpacingPolicy(1, 1, true),
                clock.instant()));

        assertThat(outcome).isEqualTo(BookingOutcome.WAITING);
        assertThat(waitingList.inRetryOrder())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("PATIENT_ON_HOLD"));
        assertThat(retry.retry(null)).isZero();
        assertThat(MongoBookingStores.allAppointments(mongo)).isEmpty();

        holds.release("hold_1", "p_1", "chi", clock.instant());
        assertThat(retry.retryPatient("p_1")).isEqualTo(1);
        assertThat(sessions()).extracting(ClinicalHoldsRebookingTest::day).containsExactly(MONDAY, MONDAY.plusDays(1));
    }

    @Test
    void holdsAreStoredAndReadBackByHoldId() {
        Instant placed = clock.instant();
        holds.release("hold_2", "p_1", "chi", placed.plusSeconds(60));
        holds.place("hold_2", "p_1", "chi", placed);
        holds.place("hold_3", "p_1", "chi", placed);

        PatientHolds stored = holdRepository.findById("p_1").orElseThrow();

        assertThat(stored.holds()).extracting(PatientHolds.Hold::holdId).containsExactlyInAnyOrder("hold_2", "hold_3");
        assertThat(stored.holds())
                .filteredOn(h -> h.holdId().equals("hold_2"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.placedAt()).isEqualTo(placed);
                    assertThat(h.releasedAt()).isEqualTo(placed.plusSeconds(60));
                });
        assertThat(stored.held()).as("hold_3 is active").isTrue();
    }
}
