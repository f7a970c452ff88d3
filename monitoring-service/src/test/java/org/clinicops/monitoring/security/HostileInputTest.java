package org.clinicops.monitoring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.monitoring.security.MonitoringBodies.adverseEvent;
import static org.clinicops.monitoring.security.MonitoringBodies.vitals;
import static org.clinicops.platform.test.StaffClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.monitoring.vitals.application.SessionVitalsRepository;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.api.OpenApiContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and oversized input on the monitoring API and the nurse page (issue 17): bounded strings,
 * enums and page parameters answered with 400, alerts paged in the store, every list read audited
 * with the patients of its page, the nurse page's vitals form bound to the session's site and
 * patient, and an OpenAPI description that says all of it.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String NURSE = TestTokens.of("nurse-hi_bos", Role.NURSE, "hi_bos");
    private static final String NURSE_DEN = TestTokens.of("nurse-hi_den", Role.NURSE, "hi_den");
    private static final String CLINICIAN = TestTokens.of("clinician-hi_bos", Role.CLINICIAN, "hi_bos");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    @Autowired
    SessionVitalsRepository vitalsStore;

    @Autowired
    SafetyQueries safety;

    StaffClient client;
    Instant now;

    @BeforeAll
    void threeSessionsInProgressEachWithASevereReadingAndOneAdverseEvent() {
        setClock();
        client = new StaffClient(port);
        new BookedSessions(kafka, sessions)
                .book(
                        now.minus(Duration.ofMinutes(30)),
                        "ses_hi_1",
                        "p_hi_1",
                        "hi_bos",
                        "ses_hi_2",
                        "p_hi_2",
                        "hi_bos",
                        "ses_hi_3",
                        "p_hi_3",
                        "hi_bos");
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> charted = client.post(
                    "/api/sessions/ses_hi_" + i + "/vitals",
                    vitals("p_hi_" + i, "hi_bos", now.minusSeconds(60L * i), 210),
                    NURSE);
            assertThat(charted.statusCode()).as(charted.body()).isEqualTo(201);
        }
        HttpResponse<String> reported = client.post(
                "/api/adverse-events", adverseEvent("p_hi_2", "hi_bos", "ses_hi_2", now.minusSeconds(30), 1), NURSE);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    }

    @BeforeEach
    void setClock() {
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
    }

    @Test
    void overlongStringsAreRefusedAndWriteNothing() {
        String longCategory = adverseEvent("p_hi_1", "hi_bos", "ses_hi_1", now, 4)
                .replace("\"HEADACHE\"", "\"" + "H".repeat(41) + "\"");
        assertProblem(client.post("/api/adverse-events", longCategory, NURSE), 400, "category");
        String longSession = adverseEvent("p_hi_1", "hi_bos", "s".repeat(65), now, 4);
        assertProblem(client.post("/api/adverse-events", longSession, NURSE), 400, "sessionId");
        String longPatient = vitals("p".repeat(65), "hi_bos", now, 130);
        assertProblem(client.post("/api/sessions/ses_hi_1/vitals", longPatient, NURSE), 400, "patientId");
        assertProblem(
                client.post(
                        "/api/patients/p_hi_1/clinical-hold/release",
                        "{\"clinicianId\":\"" + "c".repeat(65) + "\",\"reason\":\"fine\"}",
                        CLINICIAN),
                400,
                "clinicianId");
        assertProblem(
                client.post("/api/alerts/al_none/acknowledge", "{\"nurseId\":\"" + "n".repeat(65) + "\"}", NURSE),
                400,
                "nurseId");

        assertThat(safety.ofSession("ses_hi_1")).isEmpty();
        assertThat(vitalsStore.findById("ses_hi_1").orElseThrow().readings()).hasSize(1);
    }

    @Test
    void enumsAndPageParametersGive400WithTheAllowedValues() {
        HttpResponse<String> category = client.post(
                "/api/adverse-events",
                adverseEvent("p_hi_1", "hi_bos", "ses_hi_1", now, 4).replace("HEADACHE", "MIGRAINE"),
                NURSE);
        assertProblem(category, 400, "category");
        assertThat(category.body()).contains("NAUSEA_VOMITING", "HALLUCINATIONS");
        assertProblem(client.get("/api/alerts?open=maybe", NURSE), 400, "open");
        assertProblem(client.get("/api/alerts?size=101", NURSE), 400, "size");
        assertProblem(client.get("/api/alerts?page=-1", NURSE), 400, "page");
        assertProblem(client.get("/api/adverse-events?size=0", NURSE), 400, "size");
        assertProblem(client.get("/api/adverse-events?page=x", NURSE), 400, "page");

        // the nurse page's form: 400, the allowed codes beside the field, nothing written
        HttpResponse<String> form = client.postForm(
                "/sessions/ses_hi_1/adverse-events",
                "patientId=p_hi_1&siteId=hi_bos&category=MIGRAINE&grade=4&onsetAt="
                        + LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                        + "&actionTaken=NONE&outcome=RESOLVED",
                NURSE);
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("must be one of NAUSEA_VOMITING");
        HttpResponse<String> longForm = client.postForm(
                "/sessions/ses_hi_1/adverse-events",
                "patientId=p_hi_1&siteId=hi_bos&category=" + "H".repeat(41) + "&grade=4&onsetAt="
                        + LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                        + "&actionTaken=NONE&outcome=RESOLVED",
                NURSE);
        assertThat(longForm.statusCode()).isEqualTo(400);
        assertThat(safety.ofSession("ses_hi_1")).isEmpty();
    }

    @Test
    void alertsArePagedInTheStore() {
        JsonNode first = json(client.get("/api/alerts?siteId=hi_bos&size=2", NURSE));
        assertThat(first.get("content").size()).isEqualTo(2);
        assertThat(first.at("/page/totalElements").asInt()).isEqualTo(3);
        JsonNode second = json(client.get("/api/alerts?siteId=hi_bos&size=2&page=1", NURSE));
        assertThat(second.get("content").size()).isEqualTo(1);
        List<String> sessions = new ArrayList<>(first.get("content").findValuesAsString("sessionId"));
        sessions.addAll(second.get("content").findValuesAsString("sessionId"));
        assertThat(sessions).containsExactlyInAnyOrder("ses_hi_1", "ses_hi_2", "ses_hi_3");
        // newest first, across the pages
        List<Instant> raised = new ArrayList<>();
        first.get("content").findValuesAsString("raisedAt").forEach(at -> raised.add(Instant.parse(at)));
        second.get("content").findValuesAsString("raisedAt").forEach(at -> raised.add(Instant.parse(at)));
        assertThat(raised).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode alert = first.get("content").get(0);
        assertThat(alert.get("rule").asString()).isEqualTo("BP_SEVERE");
        assertThat(alert.get("systolic").asInt()).isEqualTo(210);
        assertThat(alert.get("patientId").asString())
                .isEqualTo(alert.get("sessionId").asString().replace("ses_", "p_"));
        assertThat(json(client.get("/api/alerts?siteId=hi_bos&open=false", NURSE))
                        .get("content")
                        .size())
                .isZero();
        assertThat(json(client.get("/api/alerts?siteId=hi_bos&open=true", NURSE))
                        .at("/page/totalElements")
                        .asInt())
                .isEqualTo(3);
        // another site's nurse sees none of them
        assertThat(json(client.get("/api/alerts", NURSE_DEN)).get("content").size())
                .isZero();
    }

    @Test
    void aListReadIsAuditedWithEveryPatientOfItsPage() {
        String nurse = TestTokens.of("audit-list-nurse-hi", Role.NURSE, "hi_bos");
        assertThat(client.get("/api/alerts?siteId=hi_bos&size=2", nurse).statusCode())
                .isEqualTo(200);
        String clinician = TestTokens.of("audit-list-clinician-hi", Role.CLINICIAN, "hi_bos");
        assertThat(client.get("/api/adverse-events?siteId=hi_bos", clinician).statusCode())
                .isEqualTo(200);

        List<String> pageOfTwo = json(client.get("/api/alerts?siteId=hi_bos&size=2", NURSE))
                .get("content")
                .findValuesAsString("patientId");
        assertThat(pageOfTwo).hasSize(2);
        await().untilAsserted(() -> assertThat(entries("audit-list-nurse-hi"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.patientIds()).containsExactlyElementsOf(pageOfTwo)));
        await().untilAsserted(() -> assertThat(entries("audit-list-clinician-hi"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.patientIds()).containsExactly("p_hi_2")));
    }

    @Test
    void theNursePageVitalsFormIsBoundToTheSessionsSiteAndPatient() {
        String reading = "&takenAt=" + LocalDateTime.ofInstant(now.minusSeconds(10), ZoneOffset.UTC)
                + "&systolic=130&diastolic=80&heartRate=80&spo2=97&respiratoryRate=14";

        // a nurse of another site, naming her own site or the session's
        assertThat(client.postForm("/sessions/ses_hi_3/vitals", "patientId=p_hi_3&siteId=hi_den" + reading, NURSE_DEN)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm("/sessions/ses_hi_3/vitals", "patientId=p_hi_3&siteId=hi_bos" + reading, NURSE_DEN)
                        .statusCode())
                .isEqualTo(403);
        // the session's own nurse, naming another patient
        HttpResponse<String> intruder =
                client.postForm("/sessions/ses_hi_3/vitals", "patientId=p_hi_other&siteId=hi_bos" + reading, NURSE);
        assertThat(intruder.statusCode()).isEqualTo(409);

        assertThat(vitalsStore.findById("ses_hi_3").orElseThrow().readings()).hasSize(1);
        assertThat(mongo.findAll(SessionVitals.class))
                .noneMatch(v -> v.patientId().equals("p_hi_other"));
    }

    @Test
    void theApiDescriptionHasSummariesProblemResponsesEnumsAndBounds() {
        JsonNode docs = json(client.get("/v3/api-docs", null));
        assertThat(OpenApiContract.errorAnswerGaps(docs)).isEmpty();

        JsonNode report = docs.at("/paths/~1api~1adverse-events/post/responses");
        assertThat(List.of("400", "401", "403", "404", "409", "413")).allMatch(report::has);
        assertThat(docs.at("/components/schemas/ReportRequest/properties/category")
                        .toString())
                .contains("HALLUCINATIONS");
        assertThat(docs.at("/components/schemas/ReportRequest/properties/sessionId/maxLength")
                        .asInt())
                .isEqualTo(64);
        JsonNode alerts = docs.at("/paths/~1api~1alerts/get/parameters");
        assertThat(alerts.findParents("name").stream()
                        .filter(p -> p.get("name").asString().equals("size"))
                        .findFirst()
                        .orElseThrow()
                        .at("/schema/maximum")
                        .asInt())
                .isEqualTo(100);
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(field);
    }
}
