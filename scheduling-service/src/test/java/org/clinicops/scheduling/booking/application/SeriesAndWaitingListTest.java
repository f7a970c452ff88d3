package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

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
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.adapter.mongo.MongoBookingStores;
import org.clinicops.scheduling.booking.adapter.mongo.MongoReservations;
import org.clinicops.scheduling.booking.adapter.mongo.MongoWaitingList;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
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

/** A series is booked whole or waits, and waiting work is booked, urgent first, when capacity appears. */
class SeriesAndWaitingListTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    // Monday 30 November 2026, 06:00 in Chicago
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private MongoClient client;
    private MongoTemplate mongo;
    private SiteRepository sites;
    private BookInfusionSeries series;
    private BookConsultation consultation;
    private RetryWaitingList retry;
    private MongoWaitingList waitingList;

    @BeforeEach
    void setUp() {
        String uri = InMemoryMongo.freshDatabaseUri("series");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        sites = MongoSiteStores.sites(mongo);
        AppointmentRepository appointments = MongoBookingStores.appointments(mongo);
        MongoReservations reservations = new MongoReservations(mongo, CLOCK);
        waitingList = new MongoWaitingList(mongo);
        SchedulingProperties properties = new SchedulingProperties(
                15,
                45,
                7,
                7,
                3,
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        SlotSearch search = new SlotSearch(properties, reservations);
        BookingGate gate = BookingGates.of(
                appointments,
                MongoBookingStores.patientHolds(mongo),
                sites,
                reservations,
                p -> p + UUID.randomUUID(),
                CLOCK,
                event -> {});
        series = new BookInfusionSeries(
                sites,
                appointments,
                reservations,
                waitingList,
                search,
                gate,
                properties,
                p -> p + UUID.randomUUID(),
                CLOCK);
        consultation = new BookConsultation(
                sites,
                appointments,
                reservations,
                waitingList,
                search,
                properties,
                p -> p + UUID.randomUUID(),
                CLOCK,
                new WithdrawConsultationRequest(
                        new InMemoryWithdrawnRequests(),
                        waitingList,
                        appointments,
                        reservations,
                        properties,
                        p -> p + UUID.randomUUID(),
                        CLOCK,
                        event -> {}));
        retry = new RetryWaitingList(waitingList, consultation, series);
        // open Monday and Tuesday only: two days cannot hold three sessions a day or more apart
        mongo.insert(Site.register(
                "chi",
                "Chicago",
                ZONE,
                "USD",
                List.of(new Chair("chi-1", "Chair 1", true)),
                List.of(new Clinician("chi-rn", "Nurse", ClinicianRole.NURSE)),
                List.of(
                        OpeningHours.of(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                "evt_site",
                CLOCK.instant()));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private BookInfusionSeriesCommand plan(String planId, int sessions) {
        return new BookInfusionSeriesCommand(
                new InfusionPlan(
                        planId, Protocol.PAIN_SERIES, Route.IV_INFUSION, sessions, 60, 120, new BigDecimal("40"), true),
                "p_" + planId,
                "chi",
                new SpacingPolicy(1, 1, true),
                CLOCK.instant());
    }

    @Test
    void aSeriesThatDoesNotFitReservesNothingAndWaits() {
        BookingOutcome outcome = series.handle(plan("plan_pain", 3));

        assertThat(outcome).isEqualTo(BookingOutcome.WAITING);
        assertThat(MongoBookingStores.allAppointments(mongo)).isEmpty();
        assertThat(mongo.getCollection("reservations").countDocuments()).isZero();
        assertThat(waitingList.inRetryOrder()).extracting(WaitingEntry::planId).containsExactly("plan_pain");
    }

    @Test
    void aWaitingSeriesIsBookedWholeWhenTheSiteOpensMoreDays() {
        series.handle(plan("plan_pain", 3));
        Site site = sites.findById("chi").orElseThrow();
        List<OpeningHours> weekdays = new ArrayList<>(site.openingHours());
        weekdays.add(OpeningHours.of(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        site.changeOpeningHours(weekdays, "evt_hours", CLOCK.instant());
        sites.save(site);

        assertThat(retry.retry("chi")).isEqualTo(1);

        List<Appointment> sessions = MongoBookingStores.allAppointments(mongo);
        assertThat(sessions).hasSize(3);
        assertThat(sessions)
                .extracting(a -> a.startsAt().atZone(ZONE).getDayOfWeek())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
        assertThat(waitingList.inRetryOrder()).isEmpty();
    }

    @Test
    void retriesUrgentRequestsFirst() {
        consultation.handle(new BookConsultationCommand(
                "req_old", "p_old", "chi", false, CLOCK.instant().minusSeconds(600)));
        consultation.handle(new BookConsultationCommand("req_urgent", "p_urgent", "chi", true, CLOCK.instant()));

        assertThat(waitingList.inRetryOrder())
                .extracting(WaitingEntry::requestId)
                .containsExactly("req_urgent", "req_old");
        assertThat(waitingList.inRetryOrder()).extracting(WaitingEntry::reason).containsOnly("NO_PHYSICIAN");
    }

    @Test
    void aConsultationIsBookedAtTheEarliestFreeTimeAfterTheFirstDaysAreFull() {
        Site site = withPhysician();
        // Monday and Tuesday closed: the two-day first search finds nothing, the week search does
        site.addClosure(new Closure("2026-11-30", "works"), "evt", CLOCK.instant());
        site.addClosure(new Closure("2026-12-01", "works"), "evt", CLOCK.instant());
        sites.save(site);

        BookingOutcome outcome =
                consultation.handle(new BookConsultationCommand("req_1", "p_1", "chi", false, CLOCK.instant()));

        assertThat(outcome).isEqualTo(BookingOutcome.BOOKED);
        assertThat(MongoBookingStores.allAppointments(mongo))
                .extracting(Appointment::startsAt)
                .containsExactly(Instant.parse("2026-12-07T14:00:00Z"));
    }

    @Test
    void searchesTwoDaysThenAWeekThenTheWholeHorizon() {
        assertThat(BookConsultation.windows(30)).containsExactly(1, 7, 30);
        assertThat(BookConsultation.windows(7)).containsExactly(1, 7);
        assertThat(BookConsultation.windows(1)).containsExactly(1);
    }

    @Test
    void aRetryPassStopsTryingAFullSitesConsultationsAfterTheFirstStillWaits() {
        for (int i = 0; i < 3; i++) {
            consultation.handle(new BookConsultationCommand("req_" + i, "p_" + i, "chi", false, CLOCK.instant()));
        }
        BookConsultation counted = spy(consultation);
        RetryWaitingList pass = new RetryWaitingList(waitingList, counted, series);

        assertThat(pass.retry(null)).isZero();

        verify(counted, times(1)).retry(any()); // retries search past the full-site memo
        assertThat(waitingList.inRetryOrder()).hasSize(3);
    }

    private Site withPhysician() {
        Site site = sites.findById("chi").orElseThrow();
        List<Clinician> staff = new ArrayList<>(site.clinicians());
        staff.add(new Clinician("chi-dr", "Dr", ClinicianRole.PHYSICIAN));
        site.changeClinicians(staff, "evt_staff", CLOCK.instant());
        return site;
    }

    @Test
    void bookingTheSameRequestTwiceBooksOneAppointment() {
        Site site = sites.findById("chi").orElseThrow();
        List<Clinician> staff = new ArrayList<>(site.clinicians());
        staff.add(new Clinician("chi-dr", "Dr", ClinicianRole.PHYSICIAN));
        site.changeClinicians(staff, "evt_staff", CLOCK.instant());
        sites.save(site);
        BookConsultationCommand command = new BookConsultationCommand("req_1", "p_1", "chi", false, CLOCK.instant());

        assertThat(consultation.handle(command)).isEqualTo(BookingOutcome.BOOKED);
        assertThat(consultation.handle(command)).isEqualTo(BookingOutcome.ALREADY_BOOKED);
        assertThat(MongoBookingStores.allAppointments(mongo)).hasSize(1);
        assertThat(MongoBookingStores.allAppointments(mongo).get(0).startsAt())
                .isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
    }

    @Test
    void aSeriesThatCannotStartInTheFirstTwoWeeksIsSearchedOverTheWholeHorizon() {
        SchedulingProperties month = new SchedulingProperties(
                15,
                45,
                7,
                30,
                3,
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        MongoReservations reservations = new MongoReservations(mongo, CLOCK);
        AppointmentRepository appointments = MongoBookingStores.appointments(mongo);
        BookInfusionSeries far = new BookInfusionSeries(
                sites,
                appointments,
                reservations,
                waitingList,
                new SlotSearch(month, reservations),
                BookingGates.of(
                        appointments,
                        MongoBookingStores.patientHolds(mongo),
                        sites,
                        reservations,
                        p -> p + UUID.randomUUID(),
                        CLOCK,
                        event -> {}),
                month,
                p -> p + UUID.randomUUID(),
                CLOCK);
        Site site = sites.findById("chi").orElseThrow();
        // closed for three weeks: the first Monday it opens is 21 December
        for (java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 30);
                day.isBefore(java.time.LocalDate.of(2026, 12, 21));
                day = day.plusDays(1)) {
            site.addClosure(
                    new org.clinicops.scheduling.sites.domain.Closure(day.toString(), "works"), "evt", CLOCK.instant());
        }
        sites.save(site);

        assertThat(far.handle(plan("plan_late", 2))).isEqualTo(BookingOutcome.BOOKED);

        assertThat(MongoBookingStores.allAppointments(mongo))
                .extracting(a -> a.startsAt().atZone(ZONE).toLocalDate().toString())
                .containsExactlyInAnyOrder("2026-12-21", "2026-12-22");
    }
}
