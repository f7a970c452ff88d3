package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clinicops.bench.Platform;
import org.clinicops.bench.chaos.Chaos;
import org.clinicops.demo.UserSignIn;
import org.clinicops.events.EventType;
import org.clinicops.platform.kafka.ClinicTopics;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 across the real processes: MongoDB goes away for a minute under load and comes back.
 * Records that lead to a booking (consultation-requested), a charge (consultation-completed) and a
 * clinical hold (clinical-hold-placed) reach scheduling and billing while their store is away; those
 * services answer requests with a 503 problem detail within seconds meanwhile, wait the outage
 * out (their listeners paused between attempts, 1 s doubling to 30 s) and, once the store is back,
 * apply each of those records exactly once, as they do every consultation request the load had
 * accepted meanwhile. Nothing reaches a dead-letter topic.
 *
 * <p>How the store goes away: each service reaches MongoDB through a {@link NetworkOutage} of its own
 * ({@link PlatformUnderTest#withCuttableStore}), and the test cuts billing's and scheduling's links:
 * their open connections drop and new ones are refused for 60 s, then the same store with the same
 * data is back on the same address. Only the consumers' store goes away, so that the producers of
 * those records (intake, monitoring, and scheduling itself for the charges) keep producing through
 * their real APIs and outboxes: every record is published after its consumer lost its store, so it
 * reaches that consumer while the store is away, not by a race with the cut. Billing goes first,
 * with scheduling still up to complete the consultations it will charge; scheduling follows a few
 * seconds later and both come back together. (Taking the whole store away instead, by shutting
 * mongo-java-server down and binding a new one over the same backend, would stop the producers as
 * well, so the records would have to be forged by the test; and {@code MongoServer.shutdownNow()}
 * closes its backend, which clears a {@code MemoryBackend}'s databases.)
 *
 * <p>A platform of its own, as ChaosIT has: the classes on the {@link SharedPlatform} would see their
 * services' store go away if this test failed half way, and the dead-letter topics read here would
 * hold whatever they left. The platform runs from a weekday 10:00 UTC; both sites of the test are
 * open around the clock in UTC, so whatever instant and zone the run starts at, consultations and the
 * first infusion are booked within minutes.
 *
 * <p>The load is the crash test's ({@link Chaos#startLoad}); its checks ({@link Chaos#verify}) are
 * not run here: they do not know clinical holds (a held session's infusion-cancelled, with {@code
 * onHold}, counts for them as a cancellation without a cancelled appointment). The bookings and
 * charges of the load are checked here through scheduling's and billing's APIs instead.
 */
class MongoOutageEndToEndIT {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    /**
     * A request to a service whose store is away is answered within this: its handler fails once the
     * driver finds no server (3 s), and its audit entry's attempt after as long again.
     */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);
    /** After the store is back: the next attempt of each paused listener (at most 30 s) and the catching up. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String BILLING = "billing-service";
    private static final String SCHEDULING = "scheduling-service";
    /** The load's site ({@code ChaosLoad}): its consultations are priced, so completing one charges it. */
    private static final String LOAD_SITE = "chaos";
    /** The site of the patients put on hold: its physician is the auth server's demo user who decides. */
    private static final String HOLD_SITE = "den";

    private static final String PHYSICIAN = "clinician-den";
    private static final int PLAN_SESSIONS = 3;

    private static PlatformUnderTest platform;
    private static MongoClient store;
    /** The longest a request took to be answered 503 while its service's store was away. */
    private static Duration slowestUnavailable = Duration.ZERO;

    /** A patient with a consultation request at intake. */
    private record Patient(String requestId, String patientId) {}

    /** A booked consultation of a patient. */
    private record Consultation(Patient patient, String appointmentId) {}

    /** A patient whose first infusion is in progress. */
    private record Infusion(Patient patient, String sessionId) {}

    @BeforeAll
    static void startPlatform() {
        TestClock clock = TestClock.startingAt(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC));
        platform = PlatformUnderTest.withCuttableStore(clock); // assigned first: stopPlatform stops what did start
        platform.start();
        store = MongoClients.create(platform.mongoUri());
    }

    @AfterAll
    static void stopPlatform() {
        if (store != null) {
            store.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void recordsConsumedWhileTheStoreIsAwayAreAppliedOnceWhenItReturnsAndNoneIsDeadLettered() throws Exception {
        Platform target = Platform.of(
                platform.brokers(),
                platform.mongoUri(),
                URI.create(platform.authServer().issuer()),
                platform.ports(),
                platform.managementPorts(),
                platform::token);
        long started = System.nanoTime();
        Path ledger = Path.of("target", "mongo-outage", "ledger.txt").toAbsolutePath();
        Files.createDirectories(ledger.getParent());
        // as ChaosIT's: 3 requests a second, about a third of them completed, invoiced and paid
        Chaos.RunningLoad load = Chaos.startLoad(target, ledger, 3, 0.3);

        createHoldSite();
        String physician = UserSignIn.accessToken(
                URI.create(platform.authServer().issuer()), PHYSICIAN, platform.authServer().demoPassword);
        awaitLoad(load, "the load accepting requests", Duration.ofMinutes(3), () -> load.accepted() >= 9);

        // before the outage: patients whose first infusion is under way, and consultations to complete
        List<Infusion> underway = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            underway.add(firstInfusionUnderway(n, physician));
        }
        List<Consultation> toCharge = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            toCharge.add(bookedConsultation("charge", n));
        }

        List<Patient> toBook = new ArrayList<>();
        Map<String, String> holdIds = new HashMap<>();
        long billingCut;
        long schedulingCut;
        long restored;
        try {
            // billing's store goes away; scheduling, still up, completes the consultations billing charges
            platform.cutStore(BILLING);
            billingCut = System.nanoTime();
            for (Consultation consultation : toCharge) {
                assertOk(platform.post(
                        SCHEDULING, "/api/appointments/" + consultation.appointmentId() + "/complete", "{}"));
            }
            // scheduling's store goes away too; intake and monitoring, still up, ask for bookings and holds
            platform.cutStore(SCHEDULING);
            schedulingCut = System.nanoTime();
            long acceptedAtCut = load.accepted();
            for (int n = 1; n <= 3; n++) {
                toBook.add(requestConsultation(LOAD_SITE, "booking", n));
            }
            for (Infusion infusion : underway) {
                holdIds.put(infusion.patient().patientId(), reportSeriousAdverseEvent(infusion));
            }
            // each on its topic while its consumer's store is away
            List<Predicate<ConsumerRecord<String, byte[]>>> records = new ArrayList<>();
            toCharge.forEach(c -> records.add(published(EventType.CONSULTATION_COMPLETED, c.patient())));
            toBook.forEach(p -> records.add(published(EventType.CONSULTATION_REQUESTED, p)));
            underway.forEach(i -> records.add(published(EventType.CLINICAL_HOLD_PLACED, i.patient())));
            new BrokerReads(platform.brokers())
                    .awaitEach(
                            List.of(
                                    EventType.CONSULTATION_COMPLETED.topic(),
                                    EventType.CONSULTATION_REQUESTED.topic(),
                                    EventType.CLINICAL_HOLD_PLACED.topic()),
                            records,
                            PATIENCE);

            // the rest of the minute: both answer 503 in time throughout, while the load goes on at intake
            String billingRead =
                    "/api/invoices?patientId=" + toCharge.get(0).patient().patientId();
            String schedulingRead =
                    "/api/appointments?patientId=" + toCharge.get(0).patient().patientId();
            await("the outage to last " + OUTAGE)
                    .atMost(OUTAGE.plusSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> {
                        assertAnsweredUnavailableInTime(BILLING, billingRead);
                        assertAnsweredUnavailableInTime(SCHEDULING, schedulingRead);
                        return elapsedSince(schedulingCut).compareTo(OUTAGE) >= 0;
                    });
            assertThat(platform.get("intake-service", "/api/consultation-requests?size=1")
                            .statusCode())
                    .as("intake keeps its store")
                    .isEqualTo(200);
            assertThat(load.accepted() - acceptedAtCut)
                    .as("requests of the load accepted by intake during the outage")
                    .isGreaterThanOrEqualTo(20);
            assertNothingAppliedYet(toCharge, toBook, underway);
        } finally {
            platform.restoreStore(SCHEDULING);
            platform.restoreStore(BILLING);
            restored = System.nanoTime();
        }

        // the load stops sending and finishes its open journeys (those of the outage retried on a few
        // threads) while every booking, charge and hold of the outage is applied
        CompletableFuture<String> loadStopped = CompletableFuture.supplyAsync(() -> stop(load));
        await("bookings, charges and holds applied after the store returned")
                .atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertApplied(toBook, toCharge, underway, holdIds));
        Duration caughtUp = elapsedSince(restored);
        String summary = loadStopped.get(3, TimeUnit.MINUTES);
        long stopped = System.nanoTime();
        System.out.printf(
                "mongo outage: set up in %ss; billing's store away %ss, scheduling's %ss (503 within %sms at most);"
                        + " applied %ss after it returned; load stopped %ss after it returned: %s%n",
                Duration.ofNanos(billingCut - started).toSeconds(),
                Duration.ofNanos(restored - billingCut).toSeconds(),
                Duration.ofNanos(restored - schedulingCut).toSeconds(),
                slowestUnavailable.toMillis(),
                caughtUp.toSeconds(),
                Duration.ofNanos(stopped - restored).toSeconds(),
                summary);

        // once everything has settled: each applied once, the load's bookings and charges too, no dead letter
        awaitSettled();
        assertApplied(toBook, toCharge, underway, holdIds);
        List<String> requested = new ArrayList<>(loadPatients(ledger));
        toBook.forEach(p -> requested.add(p.patientId()));
        toCharge.forEach(c -> requested.add(c.patient().patientId()));
        assertBookedAndChargedOnce(requested);
        assertThat(deadLetterRecords()).as("records on the dead-letter topics").isEmpty();
        for (String service : PlatformUnderTest.SERVICES) {
            HttpResponse<String> listed = platform.get(service, "/api/admin/dead-letters?status=ALL");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(json.readTree(listed.body())
                            .path("page")
                            .path("totalElements")
                            .asLong())
                    .as("%s's dead letters: %s", service, listed.body())
                    .isZero();
        }
        System.out.printf(
                "mongo outage: settled and checked in %ss after the load stopped%n",
                elapsedSince(stopped).toSeconds());
    }

    /**
     * Each consultation requested during the outage booked once and its patient's account opened,
     * each consultation completed during it charged once, each hold placed during it recorded once by
     * scheduling, which holds the patient's sessions not begun.
     */
    private static void assertApplied(
            List<Patient> toBook, List<Consultation> toCharge, List<Infusion> underway, Map<String, String> holdIds)
            throws Exception {
        for (Patient patient : toBook) {
            assertThat(appointments(patient.patientId(), "CONSULTATION"))
                    .as("consultations of %s", patient.patientId())
                    .singleElement()
                    .satisfies(a -> assertThat(a.path("status").asString()).isEqualTo("SCHEDULED"));
            assertThat(platform.get(BILLING, "/api/patients/" + patient.patientId() + "/account")
                            .statusCode())
                    .as("billing's account of %s", patient.patientId())
                    .isEqualTo(200);
        }
        for (Consultation consultation : toCharge) {
            assertThat(invoices("patientId=" + consultation.patient().patientId()))
                    .as("invoices of %s", consultation.patient().patientId())
                    .filteredOn(i -> i.path("source").asString().equals("CONSULTATION"))
                    .singleElement()
                    .satisfies(i -> assertThat(i.path("sourceId").asString()).isEqualTo(consultation.appointmentId()));
        }
        for (Infusion infusion : underway) {
            String patientId = infusion.patient().patientId();
            assertThat(appointments(patientId, "INFUSION"))
                    .as("infusions of %s", patientId)
                    .hasSize(PLAN_SESSIONS)
                    .allSatisfy(a -> assertThat(a.path("status").asString())
                            .isEqualTo(
                                    a.path("id").asString().equals(infusion.sessionId()) ? "IN_PROGRESS" : "ON_HOLD"));
            assertThat(holdsRecordedByScheduling(patientId))
                    .as("the holds scheduling recorded for %s", patientId)
                    .containsExactly(holdIds.get(patientId));
        }
    }

    /**
     * Waits until every outbox is empty ({@code clinic_outbox_pending} of every service) and every
     * service's consumer group has read every partition to its end, twice in a row.
     */
    private static void awaitSettled() {
        boolean[] settledBefore = {false};
        await("the platform settled: outboxes empty, consumers caught up")
                .atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    boolean settled = outboxesPending() == 0
                            && new BrokerReads(platform.brokers()).lag(PlatformUnderTest.SERVICES) == 0;
                    boolean twice = settled && settledBefore[0];
                    settledBefore[0] = settled;
                    return twice;
                });
    }

    /** Events waiting in the services' outboxes, from their {@code clinic_outbox_pending} gauges. */
    private static double outboxesPending() throws Exception {
        double pending = 0;
        for (String service : PlatformUnderTest.SERVICES) {
            HttpResponse<String> scrape = platform.getManagement(service, "/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            pending += scrape.body()
                    .lines()
                    .filter(line -> line.startsWith("clinic_outbox_pending"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
        return pending;
    }

    /**
     * At the load's site: each patient has exactly one consultation, and each completed consultation
     * exactly one invoice, none another (read through scheduling's and billing's APIs).
     */
    private static void assertBookedAndChargedOnce(List<String> patients) throws Exception {
        Map<String, Long> consultations = new HashMap<>();
        List<String> completed = new ArrayList<>();
        for (JsonNode a : everyPage(SCHEDULING, "/api/appointments?siteId=" + LOAD_SITE + "&type=CONSULTATION")) {
            consultations.merge(a.path("patientId").asString(), 1L, Long::sum);
            if (a.path("status").asString().equals("COMPLETED")) {
                completed.add(a.path("id").asString());
            }
        }
        assertThat(patients)
                .as("patients without exactly one consultation")
                .filteredOn(p -> consultations.getOrDefault(p, 0L) != 1)
                .isEmpty();
        Map<String, Long> charges = new HashMap<>();
        for (JsonNode i : everyPage(BILLING, "/api/invoices?siteId=" + LOAD_SITE)) {
            if (i.path("source").asString().equals("CONSULTATION")) {
                charges.merge(i.path("sourceId").asString(), 1L, Long::sum);
            }
        }
        assertThat(completed)
                .as("completed consultations without exactly one invoice")
                .filteredOn(c -> charges.getOrDefault(c, 0L) != 1)
                .isEmpty();
        assertThat(charges.keySet()).as("consultations invoiced").containsExactlyInAnyOrderElementsOf(completed);
    }

    /** The patients of the requests the load was told were accepted (its ledger's request lines). */
    private static List<String> loadPatients(Path ledger) throws Exception {
        // "request <requestId> <patientId> <siteId>" (bench.chaos.Ledger)
        return Files.readAllLines(ledger, StandardCharsets.UTF_8).stream()
                .map(line -> line.strip().split(" "))
                .filter(fields -> fields.length == 4 && fields[0].equals("request"))
                .map(fields -> fields[2])
                .toList();
    }

    /** A site open around the clock in UTC, whose physician is the demo user {@value #PHYSICIAN}. */
    private static void createHoldSite() throws Exception {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", "00:00", "closes", "24:00"));
        }
        Map<String, Object> site = Map.of(
                "id",
                HOLD_SITE,
                "name",
                "Outage test site",
                "timeZone",
                "UTC",
                "chairs",
                4,
                "openingHours",
                hours,
                "clinicians",
                List.of(
                        Map.of("id", PHYSICIAN, "name", "Dr. Dana Reyes", "role", "PHYSICIAN"),
                        Map.of("id", "rn-den-1", "name", "Sam Ortiz", "role", "NURSE"),
                        Map.of("id", "rn-den-2", "name", "Kai Moreno", "role", "NURSE")));
        HttpResponse<String> created = platform.post(SCHEDULING, "/api/sites", json.writeValueAsString(site));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /**
     * A patient taken to an approved plan at the hold site (consultation booked, checked in and
     * completed, screening, the physician's decision), whose first infusion has begun.
     */
    private static Infusion firstInfusionUnderway(int n, String physician) throws Exception {
        Patient patient = requestConsultation(HOLD_SITE, "hold", n);
        String consultation = scheduledConsultation(patient);
        assertOk(platform.post(SCHEDULING, "/api/appointments/" + consultation + "/check-in", "{}"));
        assertOk(platform.post(SCHEDULING, "/api/appointments/" + consultation + "/complete", "{}"));
        // intake takes screening and the decision once it has seen the check-in and the completion
        HttpResponse<String> screened = await("intake saw the check-in")
                .atMost(PATIENCE)
                .until(
                        () -> platform.post(
                                "intake-service",
                                "/api/consultation-requests/" + patient.requestId() + "/screening",
                                """
                                {"phq9": [2, 2, 2, 2, 2, 2, 1, 1, 0], "weightKg": 72,
                                 "priorTrials": [{"drug": "sertraline", "adequate": true, "relief": false},
                                                 {"drug": "bupropion", "adequate": true, "relief": false}],
                                 "contraindications": [], "medications": []}
                                """),
                        response -> response.statusCode() != 409);
        assertOk(screened);
        HttpResponse<String> decided = await("intake saw the completion")
                .atMost(PATIENCE)
                .until(
                        () -> platform.post(
                                "intake-service",
                                "/api/consultation-requests/" + patient.requestId() + "/decision",
                                """
                                {"decision": "ACCEPTED", "protocol": "DEPRESSION_INDUCTION",
                                 "sessions": %d, "doseMgPerKg": 0.5}
                                """.formatted(PLAN_SESSIONS),
                                physician),
                        // a 409 naming the physician (NOT_A_SITE_PHYSICIAN) will not pass by waiting
                        response ->
                                response.statusCode() != 409 || response.body().contains("NOT_A_"));
        assertOk(decided);
        List<JsonNode> sessions = await("the plan's sessions booked")
                .atMost(PATIENCE)
                .until(
                        () -> appointments(patient.patientId(), "INFUSION"),
                        list -> list.size() == PLAN_SESSIONS
                                && list.stream()
                                        .allMatch(
                                                a -> a.path("status").asString().equals("SCHEDULED")));
        String first = sessions.stream()
                .filter(a -> a.path("sessionNumber").asInt() == 1)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        assertOk(platform.post(SCHEDULING, "/api/appointments/" + first + "/check-in", "{}"));
        assertOk(platform.post(SCHEDULING, "/api/appointments/" + first + "/start", "{}"));
        // the nurse charts the first vitals: monitoring takes them (and adverse events) once it has
        // learnt of the session from scheduling's events
        HttpResponse<String> charted = await("monitoring knows the session")
                .atMost(PATIENCE)
                .until(
                        () -> platform.post("monitoring-service", "/api/sessions/" + first + "/vitals", """
                                {"takenAt": "%s", "systolic": 128, "diastolic": 82, "heartRate": 74,
                                 "spo2": 98, "respiratoryRate": 14}
                                """.formatted(
                                        platform.clock().instant())),
                        response -> response.statusCode() != 404);
        assertOk(charted);
        return new Infusion(patient, first);
    }

    /**
     * A grade 3 adverse event during the infusion, reported at monitoring: it places a clinical hold,
     * whose id monitoring answers.
     */
    private static String reportSeriousAdverseEvent(Infusion infusion) throws Exception {
        String patientId = infusion.patient().patientId();
        HttpResponse<String> reported = platform.post("monitoring-service", "/api/adverse-events", """
                {"patientId": "%s", "siteId": "%s", "sessionId": "%s",
                 "category": "EXCESSIVE_DISSOCIATION", "grade": 3, "onsetAt": "%s",
                 "actionTaken": "INFUSION_STOPPED", "outcome": "RESOLVING"}
                """.formatted(
                patientId, HOLD_SITE, infusion.sessionId(), platform.clock().instant()));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode answer = json.readTree(reported.body());
        assertThat(answer.path("clinicalHoldPlaced").asBoolean())
                .as(reported.body())
                .isTrue();
        String adverseEventId = answer.path("adverseEvent").path("id").asString();
        JsonNode hold = await("monitoring holds " + patientId)
                .atMost(PATIENCE)
                .until(
                        () -> json.readTree(
                                platform.get("monitoring-service", "/api/patients/" + patientId + "/clinical-hold")
                                        .body()),
                        state -> state.path("onHold").asBoolean());
        assertThat(hold.path("adverseEventId").asString()).as(hold.toString()).isEqualTo(adverseEventId);
        return hold.path("holdId").asString();
    }

    /** A consultation request at the load's site, booked by scheduling and known to billing. */
    private static Consultation bookedConsultation(String purpose, int n) throws Exception {
        Patient patient = requestConsultation(LOAD_SITE, purpose, n);
        String appointmentId = scheduledConsultation(patient);
        await("billing opened the account of " + patient.patientId())
                .atMost(PATIENCE)
                .until(() -> platform.get(BILLING, "/api/patients/" + patient.patientId() + "/account")
                                .statusCode()
                        == 200);
        return new Consultation(patient, appointmentId);
    }

    private static Patient requestConsultation(String site, String purpose, int n) throws Exception {
        HttpResponse<String> created = await("intake knows site " + site)
                .atMost(PATIENCE)
                .until(
                        () -> platform.post("intake-service", "/api/consultation-requests", """
                                {"siteId": "%s",
                                 "patient": {"firstName": "Outage", "lastName": "Testpatient-%s-%d",
                                             "dateOfBirth": "1981-05-%02d", "email": "outage-%s-%d@example.org",
                                             "phone": "+1 303 555 01%02d"},
                                 "condition": "TREATMENT_RESISTANT_DEPRESSION",
                                 "referralSource": "PHYSICIAN", "payerType": "SELF_PAY"}
                                """.formatted(
                                        site, purpose, n, n, purpose, n, n)),
                        response -> response.statusCode() != 400);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode request = json.readTree(created.body());
        return new Patient(
                request.path("id").asString(), request.path("patientId").asString());
    }

    private static String scheduledConsultation(Patient patient) {
        return await("the consultation of " + patient.patientId() + " booked")
                .atMost(PATIENCE)
                .until(
                        () -> appointments(patient.patientId(), "CONSULTATION").stream()
                                .filter(a -> a.path("status").asString().equals("SCHEDULED"))
                                .map(a -> a.path("id").asString())
                                .findFirst()
                                .orElse(""),
                        id -> !id.isEmpty());
    }

    /**
     * A read at a service whose store is away: answered 503 with a problem detail, in time (a hang
     * until the client gives up fails here too).
     */
    private static void assertAnsweredUnavailableInTime(String service, String path) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = platform.get(service, path);
        Duration took = elapsedSince(started);
        assertThat(answer.statusCode())
                .as("%s %s: %s", service, path, answer.body())
                .isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type"))
                .as("%s %s", service, path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(503);
        assertThat(took).as("%s answered after", service).isLessThan(ANSWERED_WITHIN);
        if (took.compareTo(slowestUnavailable) > 0) {
            slowestUnavailable = took;
        }
    }

    /**
     * Read in the store itself (never cut), as the outage ends: no consultation of the patients to
     * book, no invoice of the consultations to charge, no hold in scheduling.
     */
    private static void assertNothingAppliedYet(
            List<Consultation> toCharge, List<Patient> toBook, List<Infusion> underway) {
        for (Patient patient : toBook) {
            assertThat(store.getDatabase("scheduling")
                            .getCollection("appointments")
                            .countDocuments(new Document("patientId", patient.patientId())))
                    .as("appointments of %s while scheduling's store is away", patient.patientId())
                    .isZero();
        }
        for (Consultation consultation : toCharge) {
            assertThat(store.getDatabase("billing")
                            .getCollection("invoices")
                            .countDocuments(new Document("sourceId", consultation.appointmentId())))
                    .as("invoices of %s while billing's store is away", consultation.appointmentId())
                    .isZero();
        }
        for (Infusion infusion : underway) {
            assertThat(holdsRecordedByScheduling(infusion.patient().patientId()))
                    .as(
                            "holds of %s while scheduling's store is away",
                            infusion.patient().patientId())
                    .isEmpty();
        }
    }

    /** The hold ids in scheduling's record of the patient's holds (none if it has no record). */
    private static List<String> holdsRecordedByScheduling(String patientId) {
        Document holds = store.getDatabase("scheduling")
                .getCollection("patient_holds")
                .find(new Document("_id", patientId))
                .first();
        if (holds == null) {
            return List.of();
        }
        return holds.getList("holds", Document.class, List.of()).stream()
                .map(hold -> hold.getString("holdId"))
                .toList();
    }

    private static List<JsonNode> appointments(String patientId, String type) throws Exception {
        HttpResponse<String> page =
                platform.get(SCHEDULING, "/api/appointments?patientId=" + patientId + "&type=" + type + "&size=50");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body()).path("content").valueStream().toList();
    }

    private static List<JsonNode> invoices(String query) throws Exception {
        HttpResponse<String> page = platform.get(BILLING, "/api/invoices?" + query + "&size=50");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body()).path("content").valueStream().toList();
    }

    /** Every element of a paged list, page by page. */
    private static List<JsonNode> everyPage(String service, String path) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = platform.get(service, path + "&size=100&page=" + page);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode body = json.readTree(answer.body());
            body.path("content").forEach(all::add);
            if (page + 1 >= body.path("page").path("totalPages").asInt()) {
                return all;
            }
        }
    }

    /** The record of the patient's event of this type: on the type's topic, keyed by the patient. */
    private static Predicate<ConsumerRecord<String, byte[]>> published(EventType type, Patient patient) {
        return record ->
                record.topic().equals(type.topic()) && patient.patientId().equals(record.key());
    }

    /**
     * Every record on every dead-letter topic of the broker, read from the beginning to the end of
     * each partition: its position, the topic it came from and the exception class.
     */
    private static List<String> deadLetterRecords() throws Exception {
        BrokerReads broker = new BrokerReads(platform.brokers());
        List<String> deadTopics = broker.topics(topic -> topic.endsWith(ClinicTopics.DLT_SUFFIX));
        assertThat(deadTopics)
                .as("the dead-letter topics of the records the outage held back")
                .contains(
                        ClinicTopics.deadLetterTopicOf(EventType.CONSULTATION_REQUESTED.topic()),
                        ClinicTopics.deadLetterTopicOf(EventType.CONSULTATION_COMPLETED.topic()),
                        ClinicTopics.deadLetterTopicOf(EventType.CLINICAL_HOLD_PLACED.topic()));
        return broker.readToEnd(deadTopics).stream()
                .map(r -> r.topic() + "-" + r.partition() + "@" + r.offset() + " from "
                        + header(r, "kafka_dlt-original-topic") + ", " + header(r, "kafka_dlt-exception-fqcn"))
                .toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Duration elapsedSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("%s %s", response.request().uri(), response.body())
                .isBetween(200, 299);
    }

    /** Stops the load and waits for its answers and open journeys; its summary. */
    private static String stop(Chaos.RunningLoad load) {
        try {
            return load.stopAndAwait(Duration.ofMinutes(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** Waits until {@code done}, failing at once if the load itself failed. */
    private static void awaitLoad(Chaos.RunningLoad load, String what, Duration atMost, BooleanSupplier done) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            load.assertNotFailed();
            return done.getAsBoolean();
        });
    }
}
