package org.clinicops.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.clinicops.scheduling.booking.application.SessionSafetyLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * How an infusion session ends, through the whole service: discharge checks fed by monitoring's
 * vitals events, a clinician's override, a stop, and what each writes and publishes.
 */
@ServiceIntegrationTest
class SessionEndIntegrationTest {

    private static final String ALWAYS_OPEN = """
            [{"day":"MONDAY","opens":"00:00","closes":"24:00"},{"day":"TUESDAY","opens":"00:00","closes":"24:00"},
             {"day":"WEDNESDAY","opens":"00:00","closes":"24:00"},{"day":"THURSDAY","opens":"00:00","closes":"24:00"},
             {"day":"FRIDAY","opens":"00:00","closes":"24:00"},{"day":"SATURDAY","opens":"00:00","closes":"24:00"},
             {"day":"SUNDAY","opens":"00:00","closes":"24:00"}]""";
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** 0.5 mg/kg for the 70 kg weighed today is the plan's 35 mg. */
    private static final String COMPLETE = """
            {"doseMg":"35.0","infusionMinutes":40,"observationMinutes":60,"weightKg":"70.0",
             "symptomScale":"PHQ9","symptomScore":14,"dischargedWithEscort":true%s}""";

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    @Autowired
    SessionSafetyLog safety;

    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The sites are open around the clock; a weekday morning leaves the day's session before midnight. */
    @BeforeEach
    void aWeekdayMorningAtTheSites() {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), LOS_ANGELES));
    }

    @Test
    void completesOnlyAfterObservationWithRecentVitalsAndNoOpenAlert() throws Exception {
        String id = sessionInProgress("endv", "p_endv", 1);
        String nurse = staff(Role.NURSE, "endv");

        HttpResponse<String> tooEarly = post("/api/appointments/" + id + "/complete", COMPLETE.formatted(""), nurse);
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        JsonNode problem = json(tooEarly);
        assertThat(problem.get("code").asString()).isEqualTo("OBSERVATION_TOO_SHORT");
        assertThat(problem.get("failedChecks").valueStream().map(JsonNode::asString))
                .containsExactly("OBSERVATION_TOO_SHORT", "NO_RECENT_VITALS");
        assertUnchanged(id, "IN_PROGRESS");

        publish(alertRaised("alr_endv", id, "p_endv", "endv"), "evt_alr_endv");
        await().until(() -> safety.of(id).openAlertIds().contains("alr_endv"));
        clock.advance(Duration.ofMinutes(100));
        recordVitals("vit_endv", id, "p_endv", "endv");

        HttpResponse<String> alertOpen = post("/api/appointments/" + id + "/complete", COMPLETE.formatted(""), nurse);
        assertThat(alertOpen.statusCode()).isEqualTo(409);
        assertThat(json(alertOpen).get("failedChecks").valueStream().map(JsonNode::asString))
                .containsExactly("OPEN_ALERT");
        assertUnchanged(id, "IN_PROGRESS");

        publish(new VitalsAlertClosed("alr_endv", id, "p_endv", "endv", clock.instant()), "evt_alc_endv");
        await().until(() -> safety.of(id).openAlertIds().isEmpty());
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> stale = post("/api/appointments/" + id + "/complete", COMPLETE.formatted(""), nurse);
        assertThat(json(stale).get("code").asString())
                .as("the reading is now 16 minutes old")
                .isEqualTo("NO_RECENT_VITALS");

        recordVitals("vit_endv2", id, "p_endv", "endv");
        HttpResponse<String> done = post("/api/appointments/" + id + "/complete", COMPLETE.formatted(""), nurse);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("status").asString()).isEqualTo("COMPLETED");

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.session-completed")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_endv".equals(r.key()));
            assertThat(EventSchemas.violations(EventType.SESSION_COMPLETED, record.value()))
                    .isEmpty();
            SessionCompleted event = EventJson.read(record.value(), SessionCompleted.class);
            assertThat(event.weightKg()).isEqualByComparingTo("70.0");
            assertThat(event.overriddenChecks()).isNull();
            assertThat(event.overriddenBy()).isNull();
            assertThat(event.courseCompleted()).isTrue();
            assertThat(probe.matching(r -> "p_endv".equals(r.key())).stream()
                            .map(r -> TopicProbe.header(r, "ce_id"))
                            .distinct())
                    .as("the refused attempts published nothing")
                    .hasSize(1);
        }
    }

    @Test
    void aClinicianOverridesFailedChecksWithAReasonThatStaysInScheduling() throws Exception {
        String id = sessionInProgress("endo", "p_endo", 1);
        String reason = "patient transferred to the ward, observed there";
        String override = ",\"override\":{\"reason\":\"" + reason + "\"}";

        HttpResponse<String> byNurse =
                post("/api/appointments/" + id + "/complete", COMPLETE.formatted(override), staff(Role.NURSE, "endo"));
        assertThat(byNurse.statusCode()).as(byNurse.body()).isEqualTo(403);
        assertUnchanged(id, "IN_PROGRESS");

        HttpResponse<String> byClinician = post(
                "/api/appointments/" + id + "/complete",
                COMPLETE.formatted(override).replace("\"35.0\"", "\"45.0\""),
                staff(Role.CLINICIAN, "endo"));
        assertThat(byClinician.statusCode()).as(byClinician.body()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.session-completed")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_endo".equals(r.key()));
            assertThat(EventSchemas.violations(EventType.SESSION_COMPLETED, record.value()))
                    .isEmpty();
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("ward");
            SessionCompleted event = EventJson.read(record.value(), SessionCompleted.class);
            assertThat(event.overriddenChecks())
                    .containsExactly("OBSERVATION_TOO_SHORT", "NO_RECENT_VITALS", "DOSE_OFF_PLAN");
            assertThat(event.overriddenBy()).isEqualTo("clinician-endo");
            assertThat(event.doseMg()).isEqualByComparingTo("45.0");
        }
        Document stored = mongo.findById(id, Document.class, "appointments");
        Document recorded = stored.get("dischargeOverride", Document.class);
        assertThat(recorded.getString("reason")).isEqualTo(reason);
        assertThat(recorded.getString("by")).isEqualTo("clinician-endo");
        assertThat(recorded.getList("checks", String.class))
                .containsExactly("OBSERVATION_TOO_SHORT", "NO_RECENT_VITALS", "DOSE_OFF_PLAN");
        await().untilAsserted(() -> assertThat(mongo.find(
                        Query.query(Criteria.where("actor").is("clinician-endo")),
                        AuditRecord.class,
                        AuditTrail.COLLECTION))
                .extracting(AuditRecord::object, AuditRecord::patientId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("appointments/" + id + "/discharge-override", "p_endo")));
    }

    @Test
    void aDoseMoreThanTenPercentFromThePlanForTodaysWeightIsRefused() throws Exception {
        String id = sessionInProgress("endd", "p_endd", 1);
        clock.advance(Duration.ofMinutes(100));
        recordVitals("vit_endd", id, "p_endd", "endd");
        String nurse = staff(Role.NURSE, "endd");

        // 0.5 mg/kg × 80 kg = 40 mg: the plan's 35 mg (for the screening weight) is 12.5% under it
        HttpResponse<String> offPlan = post(
                "/api/appointments/" + id + "/complete", COMPLETE.formatted("").replace("\"70.0\"", "\"80.0\""), nurse);
        assertThat(offPlan.statusCode()).isEqualTo(409);
        assertThat(json(offPlan).get("code").asString()).isEqualTo("DOSE_OFF_PLAN");
        assertThat(json(offPlan).get("detail").asString()).contains("40.0 mg", "80.0 kg");
        assertUnchanged(id, "IN_PROGRESS");

        HttpResponse<String> onPlan = post(
                "/api/appointments/" + id + "/complete",
                COMPLETE.formatted("").replace("\"70.0\"", "\"80.0\"").replace("\"35.0\"", "\"40.0\""),
                nurse);
        assertThat(onPlan.statusCode()).as(onPlan.body()).isEqualTo(200);
    }

    @Test
    void aPlanThatWaitedForItsSiteKeepsItsWeightBasedDose() throws Exception {
        publish(plan("plan_endq", "p_endq", "endq", 1), "evt_plan_endq");
        await().untilAsserted(
                        () -> assertThat(get("/api/waiting-list?siteId=endq").findValuesAsString("patientId"))
                                .contains("p_endq"));
        createSite("endq", 1);
        String id = awaitSession("p_endq");
        start(id, "endq");
        clock.advance(Duration.ofMinutes(100));
        recordVitals("vit_endq", id, "p_endq", "endq");

        HttpResponse<String> offPlan = post(
                "/api/appointments/" + id + "/complete",
                COMPLETE.formatted("").replace("\"70.0\"", "\"80.0\""),
                staff(Role.NURSE, "endq"));
        assertThat(json(offPlan).get("code").asString())
                .as("0.5 mg/kg for 80 kg is 40 mg, not the 35 mg of the screening weight")
                .isEqualTo("DOSE_OFF_PLAN");
    }

    @Test
    void stoppingAnInfusionEndsItAsStoppedFreesTheChairAndPublishesWhatWasGiven() throws Exception {
        createSite("ends", 1);
        publish(plan("plan_ends", "p_ends", "ends", 1), "evt_plan_ends");
        String id = awaitSession("p_ends");
        publish(plan("plan_endw", "p_endw", "ends", 1), "evt_plan_endw");
        String waiting = awaitSession("p_endw");
        JsonNode session = get("/api/appointments/" + id);
        String duringIt = "{\"startsAt\":\""
                + Instant.parse(session.get("startsAt").asString()).plus(Duration.ofMinutes(45)) + "\"}";
        assertThat(post("/api/appointments/" + waiting + "/reschedule", duringIt)
                        .statusCode())
                .as("the only chair is booked for the whole session")
                .isEqualTo(409);

        String nurse = staff(Role.NURSE, "ends");
        HttpResponse<String> notStarted = post(
                "/api/appointments/" + waiting + "/stop", "{\"reason\":\"TRANSFER\",\"infusionMinutes\":0}", nurse);
        assertThat(notStarted.statusCode()).isEqualTo(409);
        assertThat(json(notStarted).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertUnchanged(waiting, "SCHEDULED");

        assertThat(post("/api/appointments/" + id + "/check-in", "", nurse).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/appointments/" + id + "/start", "", nurse).statusCode())
                .isEqualTo(200);
        Instant started = clock.instant();
        clock.advance(Duration.ofMinutes(20));
        HttpResponse<String> tooLong = post(
                "/api/appointments/" + id + "/stop", "{\"reason\":\"ADVERSE_EVENT\",\"infusionMinutes\":30}", nurse);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("infusionMinutes", "no more than have passed since the start");
        assertUnchanged(id, "IN_PROGRESS");

        Instant stoppedAt = clock.instant();
        HttpResponse<String> stopped = post(
                "/api/appointments/" + id + "/stop", "{\"reason\":\"ADVERSE_EVENT\",\"infusionMinutes\":20}", nurse);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(json(stopped).get("status").asString()).isEqualTo("STOPPED");

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.session-stopped")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_ends".equals(r.key()));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("clinic.session-stopped.v1");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(EventType.SESSION_STOPPED.source());
            assertThat(EventSchemas.violations(EventType.SESSION_STOPPED, record.value()))
                    .isEmpty();
            SessionStopped event = EventJson.read(record.value(), SessionStopped.class);
            assertThat(event.reason()).isEqualTo(SessionStopped.Reason.ADVERSE_EVENT);
            assertThat(event.infusionMinutes()).isEqualTo(20);
            assertThat(event.doseMg())
                    .as("half of the 40 minutes: half of 35 mg")
                    .isEqualByComparingTo("17.5");
            assertThat(event.startedAt()).isCloseTo(started, within(5, ChronoUnit.SECONDS));
            assertThat(event.stoppedAt()).isCloseTo(stoppedAt, within(5, ChronoUnit.SECONDS));
            assertThat(event.chairId()).isEqualTo("ends-1");
        }

        HttpResponse<String> again = post(
                "/api/appointments/" + id + "/stop", "{\"reason\":\"ADVERSE_EVENT\",\"infusionMinutes\":20}", nurse);
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> complete = post("/api/appointments/" + id + "/complete", COMPLETE.formatted(""), nurse);
        assertThat(complete.statusCode())
                .as("a stopped session is not completed")
                .isEqualTo(409);

        HttpResponse<String> moved = post("/api/appointments/" + waiting + "/reschedule", duringIt);
        assertThat(moved.statusCode())
                .as("the rest of the stopped session's time is free: " + moved.body())
                .isEqualTo(200);
        try (TopicProbe probe = new TopicProbe(brokers, "clinic.session-stopped")) {
            await().during(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(probe.matching(r -> "p_ends".equals(r.key())).stream()
                                    .map(r -> TopicProbe.header(r, "ce_id"))
                                    .distinct())
                            .as("one stop, one event")
                            .hasSize(1));
            assertThat(probe.matching(r -> "p_endw".equals(r.key()))).isEmpty();
        }
    }

    @Test
    void aCourseWhoseOtherSessionWasStoppedIsCompletedByItsLastSession() throws Exception {
        createSite("endc", 1);
        publish(plan("plan_endc", "p_endc", "endc", 2), "evt_plan_endc");
        await().untilAsserted(() -> assertThat(
                        get("/api/appointments?patientId=p_endc").get("content"))
                .hasSize(2));
        JsonNode sessions =
                get("/api/appointments?patientId=p_endc&sort=startsAt").get("content");
        String first = sessions.get(0).get("id").asString();
        String second = sessions.get(1).get("id").asString();
        String nurse = staff(Role.NURSE, "endc");

        clock.set(Instant.parse(sessions.get(0).get("startsAt").asString()));
        post("/api/appointments/" + first + "/check-in", "", nurse);
        post("/api/appointments/" + first + "/start", "", nurse);
        clock.advance(Duration.ofMinutes(10));
        assertThat(post(
                                "/api/appointments/" + first + "/stop",
                                "{\"reason\":\"PATIENT_REQUEST\",\"infusionMinutes\":10}",
                                nurse)
                        .statusCode())
                .isEqualTo(200);

        clock.set(Instant.parse(sessions.get(1).get("startsAt").asString()));
        assertThat(post("/api/appointments/" + second + "/check-in", "", nurse).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/appointments/" + second + "/start", "", nurse).statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(100));
        recordVitals("vit_endc", second, "p_endc", "endc");
        HttpResponse<String> done = post("/api/appointments/" + second + "/complete", COMPLETE.formatted(""), nurse);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.session-completed")) {
            SessionCompleted event =
                    EventJson.read(probe.await(r -> "p_endc".equals(r.key())).value(), SessionCompleted.class);
            assertThat(event.sessionNumber()).isEqualTo(2);
            assertThat(event.courseCompleted())
                    .as("the stopped session has ended")
                    .isTrue();
        }
    }

    @Test
    void readsMonitoringsSamplesAndRemembersACloseThatArrivesBeforeItsAlert() {
        publishSample(EventType.VITALS_RECORDED, "evt_sample_vitals");
        publishSample(EventType.VITALS_ALERT_CLOSED, "evt_sample_closed");
        publishSample(EventType.VITALS_ALERT_RAISED, "evt_sample_raised");
        VitalsRecorded sample = EventJson.read(EventSchemas.sample(EventType.VITALS_RECORDED), VitalsRecorded.class);

        await().until(() ->
                sample.takenAt().equals(safety.of(sample.sessionId()).lastVitalsAt()));
        await().until(() -> raised(sample.sessionId()).contains("alr_01JNSK3W0E6M"));
        assertThat(safety.of(sample.sessionId()).openAlertIds())
                .as("closed before it was raised")
                .isEmpty();

        // an older reading arriving late does not replace the latest
        publish(
                vitals(
                        "vit_old",
                        sample.sessionId(),
                        sample.patientId(),
                        sample.siteId(),
                        sample.takenAt().minusSeconds(600)),
                "evt_vit_old");
        publish(alertRaised("alr_marker", sample.sessionId(), sample.patientId(), sample.siteId()), "evt_marker");
        await().until(() -> raised(sample.sessionId()).contains("alr_marker"));
        assertThat(safety.of(sample.sessionId()).lastVitalsAt()).isEqualTo(sample.takenAt());
    }

    @Test
    void aVitalsReadingFromAnyoneButMonitoringGoesToTheDeadLetterTopicAndCountsForNothing() {
        VitalsRecorded forged = vitals("vit_forged", "apt_forged", "p_forged", "endv", clock.instant());
        kafka.send(CloudEventRecords.toRecord(
                PendingEvent.of(forged, "evt_vit_forged", clock.instant()),
                URI.create(EventType.SESSION_STOPPED.source())));

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.vitals-recorded.dlt")) {
            probe.await(r -> "p_forged".equals(r.key()));
        }
        assertThat(safety.of("apt_forged").lastVitalsAt()).isNull();
    }

    @Test
    void theApiDocsShowTheStopAndTheCompletionBodiesWithTheirBounds() throws Exception {
        HttpResponse<String> docs = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = EventJson.mapper().readTree(docs.body());
        assertThat(api.at("/paths/~1api~1appointments~1{id}~1stop/post").isMissingNode())
                .isFalse();
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.at("/Stop/properties/reason/enum").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("ADVERSE_EVENT", "TRANSFER", "PATIENT_REQUEST", "EQUIPMENT");
        assertThat(schemas.at("/Stop/properties/infusionMinutes/maximum").asInt())
                .isEqualTo(600);
        assertThat(schemas.at("/Stop/required").valueStream().map(JsonNode::asString))
                .contains("reason", "infusionMinutes");
        assertThat(schemas.at("/Complete/properties/weightKg/minimum").asString())
                .isIn("20.0", "20");
        assertThat(schemas.at("/Complete/properties/weightKg/maximum").asString())
                .isIn("350.0", "350");
        assertThat(schemas.at("/CheckOverride/properties/reason/minLength").asInt())
                .isEqualTo(3);
        assertThat(schemas.at("/CheckOverride/properties/reason/maxLength").asInt())
                .isEqualTo(500);
    }

    // --- helpers

    /** A one-chair site with a patient's series booked, the first session checked in and started now. */
    private String sessionInProgress(String site, String patientId, int sessions) throws Exception {
        createSite(site, 1);
        publish(plan("plan_" + site, patientId, site, sessions), "evt_plan_" + site);
        String id = awaitSession(patientId);
        start(id, site);
        return id;
    }

    /** At the session's start time, a nurse checks the patient in and starts the infusion. */
    private void start(String id, String site) throws Exception {
        String nurse = staff(Role.NURSE, site);
        JsonNode session = get("/api/appointments/" + id);
        clock.set(Instant.parse(session.get("startsAt").asString()));
        assertThat(post("/api/appointments/" + id + "/check-in", "", nurse).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/appointments/" + id + "/start", "", nurse).statusCode())
                .isEqualTo(200);
    }

    private String awaitSession(String patientId) {
        return await().until(
                        () -> get("/api/appointments?patientId=" + patientId + "&sort=startsAt")
                                .get("content"),
                        content -> !content.isEmpty())
                .get(0)
                .get("id")
                .asString();
    }

    private void assertUnchanged(String id, String status) throws Exception {
        assertThat(get("/api/appointments/" + id).get("status").asString()).isEqualTo(status);
        Document stored = mongo.findById(id, Document.class, "appointments");
        assertThat(stored.get("outcome")).isNull();
        assertThat(stored.get("dischargeOverride")).isNull();
        assertThat(stored.get("sessionStop")).isNull();
    }

    private List<String> raised(String sessionId) {
        Document doc = mongo.findById(sessionId, Document.class, "session_safety");
        return doc == null || doc.getList("raisedAlerts", String.class) == null
                ? List.of()
                : doc.getList("raisedAlerts", String.class);
    }

    private TreatmentPlanApproved plan(String planId, String patientId, String siteId, int sessions) {
        return new TreatmentPlanApproved(
                planId,
                "req_" + planId,
                patientId,
                siteId,
                "dr",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                sessions,
                2,
                4,
                false,
                40,
                120,
                new BigDecimal("0.5"),
                new BigDecimal("35.0"),
                true,
                PayerType.SELF_PAY,
                false,
                clock.instant());
    }

    /** Monitoring records a reading taken now for the session; returns once scheduling has read it. */
    private void recordVitals(String readingId, String sessionId, String patientId, String siteId) {
        Instant takenAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        publish(vitals(readingId, sessionId, patientId, siteId, takenAt), "evt_" + readingId);
        await().until(() -> takenAt.equals(safety.of(sessionId).lastVitalsAt()));
    }

    private VitalsRecorded vitals(String readingId, String sessionId, String patientId, String siteId, Instant at) {
        return new VitalsRecorded(readingId, sessionId, patientId, siteId, at, at.plusSeconds(3));
    }

    private VitalsAlertRaised alertRaised(String alertId, String sessionId, String patientId, String siteId) {
        return new VitalsAlertRaised(
                alertId,
                sessionId,
                patientId,
                siteId,
                "BP_SEVERE",
                205,
                121,
                null,
                null,
                null,
                clock.instant(),
                clock.instant());
    }

    private void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, clock.instant())));
    }

    private void publishSample(EventType type, String eventId) {
        byte[] body = EventSchemas.sample(type);
        String key = EventJson.mapper().readTree(body).get("patientId").asString();
        kafka.send(EventRecords.fromOwner(new PendingEvent(
                eventId, type.type(), type.topic(), key, new String(body, StandardCharsets.UTF_8), clock.instant())));
    }

    private void createSite(String id, int chairs) throws Exception {
        HttpResponse<String> created = post(
                "/api/sites",
                """
                {"id":"%s","name":"Site %s","timeZone":"America/Los_Angeles","chairs":%d,"openingHours":%s,
                 "clinicians":[{"id":"%s-dr1","name":"Dr One","role":"PHYSICIAN"},
                               {"id":"%s-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(id, id, chairs, ALWAYS_OPEN, id, id),
                TestTokens.of("operator", Role.OPERATOR, "*"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static String staff(Role role, String site) {
        return TestTokens.of(role.name().toLowerCase(Locale.ROOT) + "-" + site, role, site);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                http.send(request(path, TestTokens.admin()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** As the admin; steps that belong to one role are posted with that role's token. */
    private HttpResponse<String> post(String path, String json) throws Exception {
        return post(path, json, TestTokens.admin());
    }

    private HttpResponse<String> post(String path, String json, String token) throws Exception {
        return http.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(token));
    }
}
