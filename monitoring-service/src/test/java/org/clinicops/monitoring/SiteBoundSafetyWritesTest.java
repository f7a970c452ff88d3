package org.clinicops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsRecorded;
import org.clinicops.monitoring.adverse.application.ClinicalHoldRepository;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.monitoring.sessions.domain.SessionStatus;
import org.clinicops.monitoring.vitals.application.SessionVitalsRepository;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Vitals and adverse events only for a session monitoring knows, of the patient named, at a site of
 * the caller, open for the write; a hold per serious adverse event, all released at once by the
 * signed-in clinician; the events scheduling's discharge check reads.
 */
@ServiceIntegrationTest
class SiteBoundSafetyWritesTest {

    static final String NURSE_DEN = TestTokens.of("nurse-sb_den", Role.NURSE, "sb_den");
    static final String NURSE_BOS = TestTokens.of("nurse-sb_bos", Role.NURSE, "sb_bos");
    static final String CLINICIAN_BOS = TestTokens.of("clinician-sb_bos", Role.CLINICIAN, "sb_bos");
    static final String CLINICIAN_DEN = TestTokens.of("clinician-sb_den", Role.CLINICIAN, "sb_den");
    static final String CLINICIAN_BOTH = TestTokens.of("clinician-sb_both", Role.CLINICIAN, "sb_bos", "sb_den");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    @Autowired
    SessionVitalsRepository vitals;

    @Autowired
    SafetyQueries safety;

    @Autowired
    ClinicalHoldRepository holds;

    @Autowired
    MongoTemplate mongo;

    RestClient http;
    Instant now;
    BookedSessions booked;

    @BeforeEach
    void client() {
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
        booked = new BookedSessions(kafka, sessions);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    ResponseEntity<String> post(String uri, Object body, String token) {
        return http.post()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class);
    }

    ResponseEntity<String> postForm(String uri, String form, String token) {
        return http.post()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toEntity(String.class);
    }

    /** What Prometheus scrapes, on the management port. */
    String scrape() {
        return RestClient.create("http://localhost:" + managementPort)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }

    ResponseEntity<String> get(String uri, String token) {
        return http.get()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(token))
                .retrieve()
                .toEntity(String.class);
    }

    static JsonNode json(ResponseEntity<String> response) {
        return EventJson.mapper().readTree(response.getBody());
    }

    static int status(ResponseEntity<String> response) {
        return response.getStatusCode().value();
    }

    static String code(ResponseEntity<String> response) {
        return json(response).path("code").asString();
    }

    Map<String, Object> reading(
            @org.jspecify.annotations.Nullable String patientId,
            @org.jspecify.annotations.Nullable String siteId,
            int systolic) {
        Map<String, Object> body = new HashMap<>();
        if (patientId != null) {
            body.put("patientId", patientId);
        }
        if (siteId != null) {
            body.put("siteId", siteId);
        }
        body.put("takenAt", now.minus(Duration.ofMinutes(2)).toString());
        body.put("systolic", systolic);
        body.put("diastolic", 85);
        body.put("heartRate", 80);
        body.put("spo2", 97);
        body.put("respiratoryRate", 14);
        return body;
    }

    Map<String, Object> adverseEvent(
            @org.jspecify.annotations.Nullable String patientId,
            @org.jspecify.annotations.Nullable String siteId,
            String sessionId,
            int grade) {
        Map<String, Object> body = new HashMap<>();
        if (patientId != null) {
            body.put("patientId", patientId);
        }
        if (siteId != null) {
            body.put("siteId", siteId);
        }
        body.put("sessionId", sessionId);
        body.put("category", "HALLUCINATIONS");
        body.put("grade", grade);
        body.put("onsetAt", now.minus(Duration.ofMinutes(5)).toString());
        body.put("actionTaken", "INFUSION_STOPPED");
        body.put("outcome", "RESOLVING");
        return body;
    }

    void assertNothingWritten(String sessionId, String patientId) {
        assertThat(vitals.findById(sessionId)).isEmpty();
        assertThat(safety.ofSession(sessionId)).isEmpty();
        assertThat(holds.findById(patientId)).isEmpty();
    }

    @Test
    void aNurseOfAnotherSiteReportsNothingForASessionInProgressElsewhere() {
        // as reported: a nurse signed in for den, a grade 4 event for a session in progress at bos
        booked.book(now.minus(Duration.ofMinutes(30)), "ses_sb_bos", "p_sb_bos", "sb_bos");

        ResponseEntity<String> ownSiteClaimed =
                post("/api/adverse-events", adverseEvent("p_sb_bos", "sb_den", "ses_sb_bos", 4), NURSE_DEN);
        ResponseEntity<String> noSiteNamed =
                post("/api/adverse-events", adverseEvent(null, null, "ses_sb_bos", 4), NURSE_DEN);
        ResponseEntity<String> vitalsOwnSite =
                post("/api/sessions/ses_sb_bos/vitals", reading("p_sb_bos", "sb_den", 130), NURSE_DEN);
        ResponseEntity<String> vitalsNoSite =
                post("/api/sessions/ses_sb_bos/vitals", reading(null, null, 130), NURSE_DEN);

        assertThat(List.of(ownSiteClaimed, noSiteNamed, vitalsOwnSite, vitalsNoSite))
                .extracting(SiteBoundSafetyWritesTest::status)
                .containsOnly(403);
        assertThat(ownSiteClaimed.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertNothingWritten("ses_sb_bos", "p_sb_bos");
        // the nurse page's forms take the same gate
        assertThat(status(postForm(
                        "/sessions/ses_sb_bos/adverse-events",
                        "patientId=p_sb_bos&siteId=sb_den&category=HEADACHE&grade=4&onsetAt="
                                + LocalDateTime.ofInstant(now, ZoneOffset.UTC) + "&actionTaken=NONE&outcome=RESOLVED",
                        NURSE_DEN)))
                .isEqualTo(403);
        assertNothingWritten("ses_sb_bos", "p_sb_bos");
    }

    @Test
    void aSessionMonitoringDoesNotKnowTakesNothing() {
        ResponseEntity<String> vitalsUnknown =
                post("/api/sessions/ses_sb_unknown/vitals", reading("p_sb_unknown", "sb_bos", 130), NURSE_BOS);
        ResponseEntity<String> reportUnknown =
                post("/api/adverse-events", adverseEvent("p_sb_unknown", "sb_bos", "ses_sb_unknown", 3), NURSE_BOS);

        assertThat(status(vitalsUnknown)).isEqualTo(404);
        assertThat(status(reportUnknown)).isEqualTo(404);
        assertThat(reportUnknown.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertNothingWritten("ses_sb_unknown", "p_sb_unknown");
        // naming another site for an unknown session is refused before anything is looked up
        assertThat(status(
                        post("/api/sessions/ses_sb_unknown/vitals", reading("p_sb_unknown", "sb_den", 130), NURSE_BOS)))
                .isEqualTo(403);

        // the nurse page says why beside the form, and writes nothing either
        String page = postForm(
                        "/sessions/ses_sb_unknown/vitals",
                        "patientId=p_sb_unknown&siteId=sb_bos&takenAt="
                                + LocalDateTime.ofInstant(now.minus(Duration.ofMinutes(2)), ZoneOffset.UTC)
                                + "&systolic=130&diastolic=80&heartRate=80&spo2=97&respiratoryRate=14",
                        NURSE_BOS)
                .getBody();
        assertThat(page).contains("session ses_sb_unknown was not found");
        assertThat(get("/sessions/ses_sb_unknown?patientId=p_sb_unknown&siteId=sb_bos", NURSE_BOS)
                        .getBody())
                .contains("Monitoring does not know session ses_sb_unknown");
        assertNothingWritten("ses_sb_unknown", "p_sb_unknown");
    }

    @Test
    void aSessionOfAnotherPatientTakesNothing() {
        booked.book(now.minus(Duration.ofMinutes(30)), "ses_sb_other", "p_sb_owner", "sb_bos");

        ResponseEntity<String> chart =
                post("/api/sessions/ses_sb_other/vitals", reading("p_sb_intruder", "sb_bos", 130), NURSE_BOS);
        ResponseEntity<String> report =
                post("/api/adverse-events", adverseEvent("p_sb_intruder", "sb_bos", "ses_sb_other", 3), NURSE_BOS);

        assertThat(status(chart)).isEqualTo(409);
        assertThat(code(chart)).isEqualTo("session-mismatch");
        assertThat(status(report)).isEqualTo(409);
        assertNothingWritten("ses_sb_other", "p_sb_owner");
        assertThat(holds.findById("p_sb_intruder")).isEmpty();
    }

    @Test
    void aCancelledOrHeldSessionTakesNothing() {
        Instant startsAt = now.minus(Duration.ofMinutes(30));
        booked.book(startsAt, "ses_sb_cancel", "p_sb_cancel", "sb_bos", "ses_sb_held", "p_sb_held", "sb_bos");
        booked.cancel("ses_sb_cancel", "p_sb_cancel", "sb_bos", startsAt, false, now.minus(Duration.ofDays(1)));
        booked.cancel("ses_sb_held", "p_sb_held", "sb_bos", startsAt, true, now.minus(Duration.ofDays(1)));

        ResponseEntity<String> chartCancelled =
                post("/api/sessions/ses_sb_cancel/vitals", reading(null, null, 130), NURSE_BOS);
        ResponseEntity<String> reportCancelled =
                post("/api/adverse-events", adverseEvent(null, null, "ses_sb_cancel", 3), NURSE_BOS);
        ResponseEntity<String> chartHeld =
                post("/api/sessions/ses_sb_held/vitals", reading(null, null, 130), NURSE_BOS);

        assertThat(status(chartCancelled)).isEqualTo(409);
        assertThat(code(chartCancelled)).isEqualTo("session-cancelled");
        assertThat(status(reportCancelled)).isEqualTo(409);
        assertThat(code(reportCancelled)).isEqualTo("session-cancelled");
        assertThat(status(chartHeld)).isEqualTo(409);
        assertThat(code(chartHeld)).isEqualTo("session-on-hold");
        assertNothingWritten("ses_sb_cancel", "p_sb_cancel");
        assertNothingWritten("ses_sb_held", "p_sb_held");
        assertThat(get("/sessions/ses_sb_cancel", NURSE_BOS).getBody()).contains("session ses_sb_cancel was cancelled");
    }

    @Test
    void aSessionBookedForNextWeekTakesNothingYetAndAnEndedOneOnlyLateEntries() {
        booked.book(now.plus(Duration.ofDays(7)), "ses_sb_later", "p_sb_later", "sb_bos");
        booked.book(now.minus(Duration.ofHours(6)), "ses_sb_ended", "p_sb_ended", "sb_bos");
        booked.publish(
                new SessionCompleted(
                        "ses_sb_ended",
                        "plan_ses_sb_ended",
                        "p_sb_ended",
                        "sb_bos",
                        "chair_1",
                        1,
                        6,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        new java.math.BigDecimal("35"),
                        40,
                        80,
                        null,
                        null,
                        false,
                        now.minus(Duration.ofHours(6)),
                        now.minus(Duration.ofHours(3))),
                now.minus(Duration.ofHours(3)));
        booked.awaitStatus("ses_sb_ended", SessionStatus.COMPLETED);

        ResponseEntity<String> early = post("/api/sessions/ses_sb_later/vitals", reading(null, null, 130), NURSE_BOS);
        ResponseEntity<String> lateVitals =
                post("/api/sessions/ses_sb_ended/vitals", reading(null, null, 130), NURSE_BOS);
        ResponseEntity<String> lateAdverseEvent =
                post("/api/adverse-events", adverseEvent(null, null, "ses_sb_ended", 2), NURSE_BOS);

        assertThat(status(early)).isEqualTo(409);
        assertThat(code(early)).isEqualTo("session-not-open");
        assertThat(status(lateVitals)).as("vitals 3 h after the end").isEqualTo(409);
        assertThat(code(lateVitals)).isEqualTo("session-ended");
        assertThat(status(lateAdverseEvent))
                .as("an adverse event within 7 days of the end")
                .isEqualTo(201);
        assertThat(vitals.findById("ses_sb_later")).isEmpty();
        assertThat(vitals.findById("ses_sb_ended")).isEmpty();
    }

    @Test
    void aBodyNamingNeitherPatientNorSiteIsWrittenForTheSessionsOwn() {
        booked.book(now.minus(Duration.ofMinutes(30)), "ses_sb_plain", "p_sb_plain", "sb_bos");

        assertThat(status(post("/api/sessions/ses_sb_plain/vitals", reading(null, null, 130), NURSE_BOS)))
                .isEqualTo(201);
        ResponseEntity<String> reported =
                post("/api/adverse-events", adverseEvent(null, null, "ses_sb_plain", 1), NURSE_BOS);

        assertThat(status(reported)).isEqualTo(201);
        assertThat(json(reported).get("adverseEvent").get("patientId").asString())
                .isEqualTo("p_sb_plain");
        assertThat(json(reported).get("adverseEvent").get("siteId").asString()).isEqualTo("sb_bos");
        assertThat(vitals.findById("ses_sb_plain")).hasValueSatisfying(v -> {
            assertThat(v.patientId()).isEqualTo("p_sb_plain");
            assertThat(v.siteId()).isEqualTo("sb_bos");
        });
    }

    @Test
    void anAlertIsAcknowledgedByTheSignedInNurseWhateverNurseIdTheBodyNames() {
        booked.book(now.minus(Duration.ofMinutes(30)), "ses_sb_ack", "p_sb_ack", "sb_bos");
        ResponseEntity<String> charted =
                post("/api/sessions/ses_sb_ack/vitals", reading("p_sb_ack", "sb_bos", 210), NURSE_BOS);
        String alertId = json(charted).get("alertsRaised").get(0).get("alertId").asString();

        ResponseEntity<String> acknowledged =
                post("/api/alerts/" + alertId + "/acknowledge", Map.of("nurseId", "someone-else"), NURSE_BOS);

        assertThat(status(acknowledged)).isEqualTo(200);
        assertThat(json(acknowledged).get("acknowledgedBy").asString()).isEqualTo("nurse-sb_bos");
    }

    @Test
    void everyReadingPublishesVitalsRecordedAndClosingAnAlertPublishesVitalsAlertClosed() {
        booked.book(now.minus(Duration.ofMinutes(30)), "ses_sb_events", "p_sb_events", "sb_bos");

        ResponseEntity<String> charted =
                post("/api/sessions/ses_sb_events/vitals", reading("p_sb_events", "sb_bos", 210), NURSE_BOS);
        String alertId = json(charted).get("alertsRaised").get(0).get("alertId").asString();
        assertThat(status(post("/api/alerts/" + alertId + "/acknowledge", Map.of("nurseId", "n_1"), NURSE_BOS)))
                .isEqualTo(200);
        assertThat(status(post("/api/alerts/" + alertId + "/close", Map.of(), NURSE_BOS)))
                .isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.vitals-recorded", "clinic.vitals-alert-closed")) {
            ConsumerRecord<String, byte[]> recorded =
                    probe.await(r -> r.topic().equals("clinic.vitals-recorded") && "p_sb_events".equals(r.key()));
            ConsumerRecord<String, byte[]> closed =
                    probe.await(r -> r.topic().equals("clinic.vitals-alert-closed") && "p_sb_events".equals(r.key()));

            assertThat(EventSchemas.violations(EventType.VITALS_RECORDED, recorded.value()))
                    .isEmpty();
            VitalsRecorded reading = EventJson.read(recorded.value(), VitalsRecorded.class);
            assertThat(reading.sessionId()).isEqualTo("ses_sb_events");
            assertThat(reading.siteId()).isEqualTo("sb_bos");
            assertThat(reading.takenAt()).isEqualTo(now.minus(Duration.ofMinutes(2)));
            assertThat(new String(recorded.value(), StandardCharsets.UTF_8)).doesNotContain("210");
            assertThat(TopicProbe.header(recorded, "ce_source")).isEqualTo(EventType.VITALS_RECORDED.source());

            assertThat(EventSchemas.violations(EventType.VITALS_ALERT_CLOSED, closed.value()))
                    .isEmpty();
            VitalsAlertClosed closing = EventJson.read(closed.value(), VitalsAlertClosed.class);
            assertThat(closing)
                    .isEqualTo(new VitalsAlertClosed(
                            alertId, "ses_sb_events", "p_sb_events", "sb_bos", closing.closedAt()));
            assertThat(closing.closedAt()).isBetween(now, now.plus(Duration.ofMinutes(5)));
            // acknowledging did not close it: one closing event, for the close
            assertThat(oncePerEventId(probe.matching(
                            r -> r.topic().equals("clinic.vitals-alert-closed") && "p_sb_events".equals(r.key()))))
                    .hasSize(1);
        }
    }

    @Test
    void everySeriousEventPlacesItsOwnHoldAndOneReleaseReleasesThemAll() {
        booked.book(
                now.minus(Duration.ofMinutes(30)),
                "ses_sb_h1",
                "p_sb_held_twice",
                "sb_bos",
                "ses_sb_h2",
                "p_sb_held_twice",
                "sb_bos");

        ResponseEntity<String> first =
                post("/api/adverse-events", adverseEvent("p_sb_held_twice", "sb_bos", "ses_sb_h1", 3), NURSE_BOS);
        // a second serious event while the patient is held places a hold of its own
        ResponseEntity<String> second =
                post("/api/adverse-events", adverseEvent("p_sb_held_twice", "sb_bos", "ses_sb_h2", 4), NURSE_BOS);

        assertThat(json(first).get("clinicalHoldPlaced").asBoolean()).isTrue();
        assertThat(json(second).get("clinicalHoldPlaced").asBoolean()).isTrue();
        JsonNode state = json(get("/api/patients/p_sb_held_twice/clinical-hold", NURSE_BOS));
        assertThat(state.get("onHold").asBoolean()).isTrue();
        assertThat(state.get("activeHolds")).hasSize(2);
        List<String> holdIds;
        try (TopicProbe probe = new TopicProbe(brokers, "clinic.clinical-hold-placed")) {
            // an event may reach the topic twice under one ce_id (consumers apply it once): count events, not records
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> oncePerEventId(probe.matching(r -> "p_sb_held_twice".equals(r.key())))
                                    .size()
                            == 2);
            List<ClinicalHoldPlaced> placed =
                    oncePerEventId(probe.matching(r -> "p_sb_held_twice".equals(r.key()))).stream()
                            .peek(r -> assertThat(EventSchemas.violations(EventType.CLINICAL_HOLD_PLACED, r.value()))
                                    .isEmpty())
                            .map(r -> EventJson.read(r.value(), ClinicalHoldPlaced.class))
                            .toList();
            holdIds = placed.stream().map(ClinicalHoldPlaced::holdId).distinct().toList();
            assertThat(holdIds).hasSize(2);
            assertThat(placed).extracting(ClinicalHoldPlaced::grade).containsExactlyInAnyOrder(3, 4);
        }

        // a nurse cannot release; the clinician's name in the body is ignored
        assertThat(status(post(
                        "/api/patients/p_sb_held_twice/clinical-hold/release",
                        Map.of("reason", "reviewed"),
                        NURSE_BOS)))
                .isEqualTo(403);
        ResponseEntity<String> released = post(
                "/api/patients/p_sb_held_twice/clinical-hold/release",
                Map.of("clinicianId", "cl_somebody_else", "reason", "reviewed, safe to resume"),
                CLINICIAN_BOS);
        assertThat(status(released)).isEqualTo(200);
        assertThat(json(released).get("onHold").asBoolean()).isFalse();
        assertThat(json(released).get("activeHolds")).isEmpty();
        assertThat(json(released).get("releases").asInt()).isEqualTo(2);

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.clinical-hold-released")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> oncePerEventId(probe.matching(r -> "p_sb_held_twice".equals(r.key())))
                                    .size()
                            == 2);
            List<ClinicalHoldReleased> releases =
                    oncePerEventId(probe.matching(r -> "p_sb_held_twice".equals(r.key()))).stream()
                            .map(r -> EventJson.read(r.value(), ClinicalHoldReleased.class))
                            .toList();
            assertThat(releases).extracting(ClinicalHoldReleased::holdId).containsExactlyInAnyOrderElementsOf(holdIds);
            assertThat(releases).extracting(ClinicalHoldReleased::clinicianId).containsOnly("clinician-sb_bos");

            // releasing again releases nothing and publishes nothing
            ResponseEntity<String> again = post(
                    "/api/patients/p_sb_held_twice/clinical-hold/release", Map.of("reason", "again"), CLINICIAN_BOS);
            assertThat(status(again)).isEqualTo(409);
            assertThat(code(again)).isEqualTo("no-clinical-hold");
            assertThat(oncePerEventId(probe.matching(r -> "p_sb_held_twice".equals(r.key()))))
                    .hasSize(2);
        }
        await().untilAsserted(() -> assertThat(scrape())
                .contains("clinic_clinical_holds_open{application=\"monitoring-service\",site=\"sb_bos\"} 0.0"));
    }

    @Test
    void holdsAtTwoSitesAreReleasedOnlyByAClinicianOfBoth() {
        Instant startsAt = now.minus(Duration.ofMinutes(30));
        booked.book(startsAt, "ses_sb_m1", "p_sb_moved", "sb_bos", "ses_sb_m2", "p_sb_moved", "sb_den");
        post("/api/adverse-events", adverseEvent(null, null, "ses_sb_m1", 3), NURSE_BOS);
        post("/api/adverse-events", adverseEvent(null, null, "ses_sb_m2", 3), NURSE_DEN);

        ResponseEntity<String> bosOnly =
                post("/api/patients/p_sb_moved/clinical-hold/release", Map.of("reason", "r"), CLINICIAN_BOS);
        ResponseEntity<String> denOnly =
                post("/api/patients/p_sb_moved/clinical-hold/release", Map.of("reason", "r"), CLINICIAN_DEN);

        assertThat(status(bosOnly)).isEqualTo(403);
        assertThat(status(denOnly)).isEqualTo(403);
        assertThat(holds.findById("p_sb_moved").orElseThrow().activeHolds()).hasSize(2);
        // each site sees the patient held, and only its own hold's detail
        JsonNode seenAtBos = json(get("/api/patients/p_sb_moved/clinical-hold", NURSE_BOS));
        assertThat(seenAtBos.get("onHold").asBoolean()).isTrue();
        assertThat(seenAtBos.get("activeHolds")).hasSize(1);
        assertThat(seenAtBos.get("activeHolds").get(0).get("siteId").asString()).isEqualTo("sb_bos");

        ResponseEntity<String> both =
                post("/api/patients/p_sb_moved/clinical-hold/release", Map.of("reason", "r"), CLINICIAN_BOTH);
        assertThat(status(both)).isEqualTo(200);
        assertThat(holds.findById("p_sb_moved").orElseThrow().active()).isFalse();
    }

    @Test
    void aHoldStoredBeforeOneHoldPerEventIsReleasedWithItsOwnId() {
        // a patient document as the previous version wrote it: one active hold in flat fields
        mongo.getCollection("clinical_holds")
                .insertOne(new Document("_id", "p_sb_legacy")
                        .append("version", 0L)
                        .append("siteId", "sb_bos")
                        .append("active", true)
                        .append("holdId", "hold_legacy_1")
                        .append("adverseEventId", "ae_legacy_1")
                        .append("grade", 3)
                        .append("placedAt", java.util.Date.from(now.minus(Duration.ofDays(2))))
                        .append("adverseEventIds", List.of("ae_legacy_1"))
                        .append("releases", List.of())
                        .append("outbox", List.of()));
        booked.book(now.minus(Duration.ofMinutes(30)), "ses_sb_legacy", "p_sb_legacy", "sb_bos");

        assertThat(json(get("/api/patients/p_sb_legacy/clinical-hold", NURSE_BOS))
                        .get("onHold")
                        .asBoolean())
                .isTrue();
        post("/api/adverse-events", adverseEvent(null, null, "ses_sb_legacy", 3), NURSE_BOS);
        assertThat(holds.findById("p_sb_legacy").orElseThrow().activeHolds())
                .extracting(h -> h.holdId())
                .hasSize(2)
                .contains("hold_legacy_1");

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.clinical-hold-released")) {
            assertThat(status(post(
                            "/api/patients/p_sb_legacy/clinical-hold/release", Map.of("reason", "r"), CLINICIAN_BOS)))
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> oncePerEventId(probe.matching(r -> "p_sb_legacy".equals(r.key())))
                                    .size()
                            == 2);
            assertThat(probe.matching(r -> "p_sb_legacy".equals(r.key())).stream()
                            .map(r -> EventJson.read(r.value(), ClinicalHoldReleased.class)
                                    .holdId()))
                    .contains("hold_legacy_1");
        }
    }

    @Test
    void aStoppedSessionIsKnownAsStoppedAndCountedApartFromCompletedOnes() {
        Instant startedAt = now.minus(Duration.ofMinutes(40));
        booked.book(startedAt, "ses_sb_stop", "p_sb_stop", "sb_stop");
        booked.publish(
                new SessionStopped(
                        "ses_sb_stop",
                        "plan_ses_sb_stop",
                        "p_sb_stop",
                        "sb_stop",
                        "chair_1",
                        1,
                        6,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        SessionStopped.Reason.TRANSFER,
                        new java.math.BigDecimal("12.5"),
                        15,
                        startedAt,
                        startedAt.plus(Duration.ofMinutes(15))),
                startedAt.plus(Duration.ofMinutes(15)));

        booked.awaitStatus("ses_sb_stop", SessionStatus.STOPPED);
        String site = "site=\"sb_stop\"";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape())
                        .contains(
                                "clinic_sessions_stopped_total{application=\"monitoring-service\",reason=\"TRANSFER\","
                                        + site + "} 1.0")
                        .contains(
                                "clinic_sessions_stopped_total{application=\"monitoring-service\",reason=\"EQUIPMENT\","
                                        + site + "} 0.0")
                        .contains(
                                "clinic_infusions_completed_total{application=\"monitoring-service\"," + site + "} 0.0")
                        .contains("clinic_infusions_scheduled_total{application=\"monitoring-service\"," + site
                                + "} 1.0"));
    }

    /** The first record of each event id (ce_id), in arrival order. */
    private static List<ConsumerRecord<String, byte[]>> oncePerEventId(List<ConsumerRecord<String, byte[]>> records) {
        var seen = new java.util.HashSet<String>();
        return records.stream()
                .filter(r -> seen.add(TopicProbe.header(r, "ce_id")))
                .toList();
    }
}
