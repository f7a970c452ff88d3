package org.clinicops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.Protocol;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class SafetyApiIntegrationTest {

    /** The care team of the sites these tests use. */
    static final String NURSE = TestTokens.of("nurse-safe", Role.NURSE, "site_safe", "site_page");

    static final String CLINICIAN = TestTokens.of("clinician-safe", Role.CLINICIAN, "site_safe");

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
    MongoTemplate mongo;

    RestClient http;
    Instant now;
    BookedSessions booked;

    @BeforeEach
    void client() {
        // a weekday morning; these sites are unknown to monitoring, so their pages show UTC
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
        booked = new BookedSessions(kafka, sessions);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    ResponseEntity<String> post(String uri, Object body) {
        return post(uri, body, NURSE);
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

    /** What Prometheus scrapes, on the management port. */
    String scrape() {
        return RestClient.create("http://localhost:" + managementPort)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }

    ResponseEntity<String> get(String uri) {
        return http.get()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(NURSE))
                .retrieve()
                .toEntity(String.class);
    }

    static JsonNode json(ResponseEntity<String> response) {
        return EventJson.mapper().readTree(response.getBody());
    }

    Map<String, Object> vitals(
            String patientId, String siteId, Instant takenAt, int systolic, int diastolic, int spo2) {
        return Map.of(
                "patientId", patientId,
                "siteId", siteId,
                "takenAt", takenAt.toString(),
                "systolic", systolic,
                "diastolic", diastolic,
                "heartRate", 88,
                "spo2", spo2,
                "respiratoryRate", 14);
    }

    /** Sessions in progress: started half an hour ago. */
    void inProgress(String... sessions) {
        booked.book(now.minus(Duration.ofMinutes(30)), sessions);
    }

    @Test
    void aRedeliveredInfusionEventChangesNothingAndLeavesNoInboxEntry() {
        Instant startsAt = now.plus(Duration.ofDays(2));
        Instant bookedAt = now.minus(Duration.ofDays(1));
        PendingEvent scheduled = PendingEvent.of(
                new InfusionScheduled(
                        "ses_again",
                        "plan_again",
                        "p_again",
                        "site_safe",
                        "chair_1",
                        1,
                        6,
                        Protocol.DEPRESSION_INDUCTION,
                        startsAt,
                        startsAt.plus(Duration.ofHours(2)),
                        bookedAt),
                "evt_again_1",
                bookedAt);
        kafka.send(EventRecords.fromOwner(scheduled));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sessions.findById("ses_again").isPresent());
        Document first = mongo.findById("ses_again", Document.class, "infusion_sessions");

        // the same event again (same ce_id), then the patient's next session on the same partition:
        // once that is in, the repeat has been consumed
        kafka.send(EventRecords.fromOwner(scheduled));
        booked.book(startsAt.plus(Duration.ofDays(3)), "ses_again_2", "p_again", "site_safe");

        Document after = mongo.findById("ses_again", Document.class, "infusion_sessions");
        assertThat(after).isEqualTo(first); // not written again: same version, same fields
        assertThat(mongo.exists(Query.query(Criteria.where("_id").regex("ses_again|evt_again")), "processed_events"))
                .isFalse();
    }

    @Test
    void repeatedHighBloodPressureOpensAnAlertAndPublishesIt() {
        inProgress("ses_bp", "p_bp", "site_safe");
        Instant first = now.minus(Duration.ofMinutes(20));
        assertThat(post("/api/sessions/ses_bp/vitals", vitals("p_bp", "site_safe", first, 185, 100, 97))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        ResponseEntity<String> second = post(
                "/api/sessions/ses_bp/vitals",
                vitals("p_bp", "site_safe", first.plus(Duration.ofMinutes(6)), 186, 100, 97));

        assertThat(second.getStatusCode().value()).isEqualTo(201);
        JsonNode alert = json(second).get("alertsRaised").get(0);
        assertThat(alert.get("rule").asString()).isEqualTo("BP_HIGH_REPEATED");
        String alertId = alert.get("alertId").asString();

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.vitals-alert-raised")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_bp".equals(r.key()));
            assertThat(new String(record.value()))
                    .contains("\"rule\":\"BP_HIGH_REPEATED\"")
                    .contains(alertId);
        }
        JsonNode open = json(get("/api/alerts?siteId=site_safe&open=true"));
        assertThat(open.get("content").get(0).get("alertId").asString()).isEqualTo(alertId);
        assertThat(open.get("page").get("totalElements").asInt()).isEqualTo(1);

        assertThat(post("/api/alerts/" + alertId + "/acknowledge", Map.of("nurseId", "n_1"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("/api/alerts/" + alertId + "/close", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(json(get("/api/alerts?siteId=site_safe&open=true")).get("content"))
                .isEmpty();
        assertThat(post("/api/alerts/" + alertId + "/close", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        await().untilAsserted(
                        () -> assertThat(scrape())
                                .contains(
                                        "clinic_vitals_alerts_total{application=\"monitoring-service\",rule=\"BP_HIGH_REPEATED\",site=\"site_safe\"} 1.0")
                                .contains(
                                        "clinic_vitals_alerts_open{application=\"monitoring-service\",site=\"site_safe\"} 0.0")
                                .contains(
                                        "clinic_vitals_alerts_oldest_open_age_seconds{application=\"monitoring-service\",site=\"site_safe\"} 0.0"));
    }

    @Test
    void rejectsImplausibleVitalsNamingTheFieldAndWritesNothing() {
        inProgress("ses_bad", "p_bad", "site_safe");
        ResponseEntity<String> response =
                post("/api/sessions/ses_bad/vitals", vitals("p_bad", "site_safe", now, 400, 90, 97));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody()).contains("systolic");
        assertThat(get("/api/sessions/ses_bad/vitals").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aGradeThreeAdverseEventPlacesAHoldThatAClinicianReleasesOnce() {
        inProgress("ses_ae", "p_ae", "site_safe");
        ResponseEntity<String> reported = post(
                "/api/adverse-events",
                Map.of(
                        "patientId", "p_ae",
                        "siteId", "site_safe",
                        "sessionId", "ses_ae",
                        "category", "ELEVATED_BLOOD_PRESSURE",
                        "grade", 3,
                        "onsetAt", now.minusSeconds(600).toString(),
                        "actionTaken", "INFUSION_STOPPED",
                        "outcome", "RESOLVING"));

        assertThat(reported.getStatusCode().value()).isEqualTo(201);
        assertThat(reported.getHeaders().getLocation()).isNotNull();
        assertThat(json(reported).get("clinicalHoldPlaced").asBoolean()).isTrue();
        assertThat(json(get("/api/patients/p_ae/clinical-hold")).get("onHold").asBoolean())
                .isTrue();
        try (TopicProbe probe =
                new TopicProbe(brokers, "clinic.adverse-event-reported", "clinic.clinical-hold-placed")) {
            probe.await(r -> "p_ae".equals(r.key()) && r.topic().equals("clinic.adverse-event-reported"));
            probe.await(r -> "p_ae".equals(r.key()) && r.topic().equals("clinic.clinical-hold-placed"));
        }
        JsonNode listed = json(get(
                "/api/adverse-events?siteId=site_safe&from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60)));
        assertThat(listed.get("content").get(0).get("category").asString()).isEqualTo("ELEVATED_BLOOD_PRESSURE");

        ResponseEntity<String> released = post(
                "/api/patients/p_ae/clinical-hold/release",
                Map.of("clinicianId", "cl_1", "reason", "BP normal"),
                CLINICIAN);
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(json(released).get("onHold").asBoolean()).isFalse();
        try (TopicProbe probe = new TopicProbe(brokers, "clinic.clinical-hold-released")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_ae".equals(r.key()));
            assertThat(new String(record.value())).doesNotContain("BP normal");
            // released by the signed-in clinician, whatever the body says
            assertThat(EventJson.read(record.value(), ClinicalHoldReleased.class)
                            .clinicianId())
                    .isEqualTo("clinician-safe");
            assertThat(EventSchemas.violations(EventType.CLINICAL_HOLD_RELEASED, record.value()))
                    .isEmpty();
        }
        ResponseEntity<String> again = post(
                "/api/patients/p_ae/clinical-hold/release",
                Map.of("clinicianId", "cl_1", "reason", "again"),
                CLINICIAN);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        // the hold is not placed a second time when monitoring consumes its own adverse-event-reported
        await().untilAsserted(() -> assertThat(scrape())
                .contains(
                        "clinic_adverse_events_total{application=\"monitoring-service\",category=\"ELEVATED_BLOOD_PRESSURE\",grade=\"3\",site=\"site_safe\"} 1.0")
                .contains("clinic_clinical_holds_open{application=\"monitoring-service\",site=\"site_safe\"} 0.0"));
        assertThat(json(get("/api/patients/p_ae/clinical-hold")).get("onHold").asBoolean())
                .isFalse();
    }

    @Test
    void rejectsAnUnknownCategoryAndAGradeOutOfRange() {
        ResponseEntity<String> badCategory = post(
                "/api/adverse-events",
                Map.of(
                        "patientId", "p_x",
                        "siteId", "site_safe",
                        "sessionId", "ses_x",
                        "category", "SNEEZING",
                        "grade", 1,
                        "onsetAt", now.toString(),
                        "actionTaken", "NONE",
                        "outcome", "RESOLVED"));
        assertThat(badCategory.getStatusCode().value()).isEqualTo(400);
        assertThat(badCategory.getBody()).contains("category");

        ResponseEntity<String> badGrade = post(
                "/api/adverse-events",
                Map.of(
                        "patientId", "p_x",
                        "siteId", "site_safe",
                        "sessionId", "ses_x",
                        "category", "HEADACHE",
                        "grade", 6,
                        "onsetAt", now.toString(),
                        "actionTaken", "NONE",
                        "outcome", "RESOLVED"));
        assertThat(badGrade.getStatusCode().value()).isEqualTo(400);
        assertThat(badGrade.getBody()).contains("grade");
    }

    ResponseEntity<String> postForm(String uri, String form) {
        return http.post()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(NURSE))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toEntity(String.class);
    }

    @Test
    void theNursePageChartsVitalsAndShowsErrorsBesideTheFields() {
        inProgress("ses_page", "p_page", "site_page");
        ResponseEntity<String> charted = postForm(
                "/sessions/ses_page/vitals",
                "patientId=p_page&siteId=site_page&takenAt="
                        + now.minusSeconds(120).toString().replace("Z", "")
                        + "&systolic=130&diastolic=80&heartRate=80&spo2=90&respiratoryRate=14");
        assertThat(charted.getStatusCode().value()).isEqualTo(302);

        String page = get("/sessions/ses_page").getBody();
        assertThat(page)
                .contains("<h1>Session <span>ses_page</span></h1>")
                .contains("SPO2_LOW")
                .contains("alert-open");

        String rejected = postForm(
                        "/sessions/ses_page/vitals",
                        "patientId=p_page&siteId=site_page&takenAt=2026-01-01T10:00&systolic=400&diastolic=80"
                                + "&heartRate=&spo2=97&respiratoryRate=14")
                .getBody();
        assertThat(rejected)
                .contains("id=\"systolic-error\">must be between 50 and 300 mmHg")
                .contains("id=\"heartRate-error\">enter the heart rate");

        String adverse = postForm(
                        "/sessions/ses_page/adverse-events",
                        "patientId=p_page&siteId=site_page&category=&grade=2&onsetAt=2026-01-01T10:00"
                                + "&actionTaken=NONE&outcome=RESOLVED")
                .getBody();
        assertThat(adverse).contains("id=\"category-error\">choose a category");
    }

    @Test
    void releasingAPatientWithoutHoldIsAConflict() {
        assertThat(post(
                                "/api/patients/p_never/clinical-hold/release",
                                Map.of("clinicianId", "cl_1", "reason", "x"),
                                CLINICIAN)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }
}
