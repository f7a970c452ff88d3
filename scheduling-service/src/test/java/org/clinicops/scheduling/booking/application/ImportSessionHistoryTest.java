package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.adapter.mongo.MongoBookingStores;
import org.clinicops.scheduling.booking.adapter.mongo.MongoReservations;
import org.clinicops.scheduling.booking.application.ImportSessionHistoryCommand.Outcome;
import org.clinicops.scheduling.booking.application.ImportSessionHistoryCommand.Session;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
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
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A site's past and future infusion sessions imported through the booking code, then booked around. */
class ImportSessionHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    // Monday 30 November 2026, 06:00 in New York: the site opens at 07:00
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T11:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final List<String> CHAIRS = List.of("bos-1", "bos-2");
    private static final EnumSet<DayOfWeek> OPEN = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);

    private MongoClient client;
    private MongoTemplate mongo;
    private AppointmentRepository appointments;
    private MongoReservations reservations;
    private ImportSessionHistory history;
    private BookInfusionSeries series;

    @BeforeEach
    void setUp() {
        String uri = InMemoryMongo.freshDatabaseUri("history");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        SiteRepository sites = MongoSiteStores.sites(mongo);
        appointments = MongoBookingStores.appointments(mongo);
        reservations = new MongoReservations(mongo, CLOCK);
        // the service's defaults, as @DefaultValue declares them
        Binder defaults = new Binder(new MapConfigurationPropertySource(Map.of()));
        SchedulingProperties properties = defaults.bindOrCreate("clinic.scheduling", SchedulingProperties.class);
        SlotSearch search = new SlotSearch(properties, reservations);
        history = new ImportSessionHistory(
                sites,
                reservations,
                MongoBookingStores.importedAppointments(mongo),
                search,
                properties,
                defaults.bindOrCreate("clinic.scheduling.discharge", DischargeProperties.class),
                p -> p + UUID.randomUUID(),
                CLOCK);
        series = new BookInfusionSeries(
                sites,
                appointments,
                reservations,
                new InMemoryWaitingList(),
                search,
                BookingGates.of(
                        appointments,
                        MongoBookingStores.patientHolds(mongo),
                        sites,
                        reservations,
                        p -> p + UUID.randomUUID(),
                        CLOCK,
                        event -> {}),
                properties,
                p -> p + UUID.randomUUID(),
                CLOCK);
        List<OpeningHours> hours = new ArrayList<>();
        OPEN.forEach(day -> hours.add(OpeningHours.of(day, LocalTime.of(7, 0), LocalTime.of(19, 0))));
        mongo.insert(Site.register(
                "bos",
                "Boston",
                ZONE,
                "USD",
                CHAIRS.stream().map(id -> new Chair(id, id, true)).toList(),
                List.of(
                        new Clinician("bos-dr", "Physician", ClinicianRole.PHYSICIAN),
                        new Clinician("bos-rn", "Nurse", ClinicianRole.NURSE)),
                hours,
                "evt_site",
                CLOCK.instant()));
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Two-hour sessions from 07:00 on every chair: {@code past} before today (latest first), {@code ahead} from today. */
    private static List<Session> sessions(int past, int ahead) {
        List<Session> list = new ArrayList<>();
        for (LocalDate day = TODAY.minusDays(1); list.size() < past; day = day.minusDays(1)) {
            for (Instant start : starts(day)) {
                for (String chair : CHAIRS) {
                    if (list.size() < past) {
                        int n = list.size();
                        Outcome outcome =
                                n % 10 == 3 ? Outcome.CANCELLED : n % 10 == 7 ? Outcome.NO_SHOW : Outcome.COMPLETED;
                        list.add(new Session(n, chair, start, outcome));
                    }
                }
            }
        }
        for (LocalDate day = TODAY; list.size() < past + ahead; day = day.plusDays(1)) {
            for (Instant start : starts(day)) {
                for (String chair : CHAIRS) {
                    if (list.size() < past + ahead) {
                        list.add(new Session(list.size(), chair, start, Outcome.SCHEDULED));
                    }
                }
            }
        }
        return list;
    }

    private static List<Instant> starts(LocalDate day) {
        List<Instant> starts = new ArrayList<>();
        if (OPEN.contains(day.getDayOfWeek())) {
            for (int hour = 7; hour < 19; hour += 2) {
                starts.add(day.atTime(hour, 0).atZone(ZONE).toInstant());
            }
        }
        return starts;
    }

    private ImportSessionHistoryCommand.Result importAll(List<Session> sessions) {
        return history.handle(new ImportSessionHistoryCommand("bos", 40, 80, sessions));
    }

    private static String idOf(Session s) {
        return Appointment.sessionId("hplan-bos-" + s.n(), s.n() % 6 + 1);
    }

    private long cells() {
        return mongo.getCollection("reservations").countDocuments();
    }

    /** Every cell an appointment lists is stored and held by it, and no other cell is stored. */
    private void assertReservationInvariants() {
        long listed = 0;
        for (Appointment a : MongoBookingStores.allAppointments(mongo)) {
            for (String id : a.reservationIds()) {
                Document cell = mongo.getCollection("reservations")
                        .find(new Document("_id", id))
                        .first();
                assertThat(cell).as(id).isNotNull();
                assertThat(cell.getString("appointmentId")).isEqualTo(a.id());
            }
            listed += a.reservationIds().size();
        }
        assertThat(cells()).isEqualTo(listed);
    }

    @Test
    void importsPastAndFutureSessionsAsAppointmentsThatRanThroughTheirLifecycle() {
        List<Session> sessions = sessions(60, 24);

        ImportSessionHistoryCommand.Result result = importAll(sessions);

        assertThat(result.imported()).isEqualTo(84);
        assertThat(result.refused()).isZero();
        assertThat(result.appointmentsInStore()).isEqualTo(84);
        Appointment completed = appointments.findById(idOf(sessions.get(0))).orElseThrow();
        assertThat(completed.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(completed.infusion().outcome()).isNotNull();
        assertThat(completed.chairId()).isEqualTo(sessions.get(0).chairId());
        assertThat(completed.reservationIds())
                .as("chair, nurse and patient, 8 cells each")
                .hasSize(24);
        assertThat(completed.pendingEvents()).as("the past publishes nothing").isEmpty();
        assertThat(appointments.findById(idOf(sessions.get(3))).orElseThrow().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(appointments.findById(idOf(sessions.get(7))).orElseThrow().status())
                .isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(mongo.getCollection("appointments")
                        .countDocuments(new Document("outbox.0", new Document("$exists", true))))
                .isZero();
        assertReservationInvariants();
        assertThat(cells()).isEqualTo((48L + 24) * 24);
    }

    @Test
    void anImportedAppointmentChangesAndSavesLikeABookedOne() {
        List<Session> sessions = sessions(0, 1);
        importAll(sessions);

        Appointment scheduled = appointments.findById(idOf(sessions.get(0))).orElseThrow();
        scheduled.cancel(InfusionCancelled.Reason.CLINIC_REQUEST, Duration.ofHours(24), "evt_cancel", CLOCK.instant());
        appointments.save(scheduled);
        reservations.releaseExcept(scheduled.id(), scheduled.reservationIds());

        assertThat(appointments.findById(scheduled.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cells()).isZero();
    }

    @Test
    void bookingSeesImportedChairsAndTimesAsTaken() {
        // every chair at every start on Monday and Tuesday
        importAll(sessions(30, 24));

        BookingOutcome outcome = series.handle(new BookInfusionSeriesCommand(
                new InfusionPlan(
                        "plan_new",
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        1,
                        40,
                        80,
                        new BigDecimal("38.5"),
                        true),
                "p_new",
                "bos",
                new SpacingPolicy(1, 1, false),
                CLOCK.instant()));

        assertThat(outcome).isEqualTo(BookingOutcome.BOOKED);
        Appointment booked =
                appointments.findById(Appointment.sessionId("plan_new", 1)).orElseThrow();
        assertThat(booked.startsAt())
                .isEqualTo(TODAY.plusDays(2).atTime(7, 0).atZone(ZONE).toInstant());
        assertReservationInvariants();
    }

    @Test
    void importingTheSameSessionsAgainStoresNothingNew() {
        List<Session> sessions = sessions(20, 6);
        importAll(sessions);
        long before = cells();

        ImportSessionHistoryCommand.Result again = importAll(sessions);

        assertThat(again.imported()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(26);
        assertThat(again.refused()).isZero();
        assertThat(again.appointmentsInStore()).isEqualTo(26);
        assertThat(cells()).isEqualTo(before);
        assertReservationInvariants();
    }

    @Test
    void importingAgainCompletesAnImportThatCrashedBeforeStoringTheAppointments() {
        List<Session> sessions = sessions(4, 4);
        importAll(sessions);
        // the crash: cells reserved, appointments not stored
        mongo.getCollection("appointments").deleteMany(new Document());

        ImportSessionHistoryCommand.Result again = importAll(sessions);

        assertThat(again.imported()).isEqualTo(8);
        assertThat(again.refused()).isZero();
        assertReservationInvariants();
    }

    @Test
    void aSessionWhoseTimeIsHeldElsewhereIsRefusedAndTheRestOfTheBatchImported() {
        List<Session> sessions = sessions(0, 6);
        Session clash = sessions.get(2);
        // the session's patient already holds its first cell (not visible to the site's occupancy)
        assertThat(reservations.reserveAll(List.of(Reservation.of(
                        Reservation.patient("hp-bos-" + clash.n()), "bos", clash.startsAt(), "apt_other"))))
                .isTrue();

        ImportSessionHistoryCommand.Result result = importAll(sessions);

        assertThat(result.imported()).isEqualTo(5);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(appointments.findById(idOf(clash))).isEmpty();
        assertThat(cells()).isEqualTo(5L * 24 + 1);
    }

    @Test
    void refusesAnUnknownSiteAndOutcomesThatHaveNotHappenedYet() {
        assertThatThrownBy(() -> history.handle(new ImportSessionHistoryCommand("nowhere", 40, 80, sessions(1, 0))))
                .isInstanceOf(InvalidRequestException.class);
        Session future = sessions(0, 1).get(0);
        assertThatThrownBy(() -> importAll(List.of(new Session(0, "bos-1", future.startsAt(), Outcome.COMPLETED))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("future");
        assertThat(mongo.getCollection("appointments").countDocuments()).isZero();
    }

    @Test
    void importsThousandsOfSessionsInBatches() {
        int size = Integer.getInteger("history.import.size", 2_500);
        List<Session> all = sessions(size, 0);
        long started = System.nanoTime();
        int imported = 0;
        for (int i = 0; i < all.size(); i += 2_000) {
            imported +=
                    importAll(all.subList(i, Math.min(i + 2_000, all.size()))).imported();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "imported %,d sessions in %.1f s (%,.0f per second)%n", imported, seconds, imported / seconds);

        assertThat(imported).isEqualTo(size);
    }
}
