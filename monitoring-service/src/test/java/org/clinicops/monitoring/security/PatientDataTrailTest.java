package org.clinicops.monitoring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.clinicops.monitoring.security.MonitoringBodies.adverseEvent;
import static org.clinicops.monitoring.security.MonitoringBodies.vitals;
import static org.clinicops.platform.test.StaffClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditRecord.Outcome;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/** Where patient data leaves a trace: the audit trail records it, the metrics never name a patient. */
@ServiceIntegrationTest
class PatientDataTrailTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    BookedSessions booked;

    StaffClient client;
    Instant now;

    @BeforeEach
    void client() {
        // a weekday morning; these sites are unknown to monitoring, so their pages show UTC
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
        booked = new BookedSessions(kafka, sessions);
        client = new StaffClient(port, managementPort);
    }

    /** Sessions in progress (started half an hour ago), known to monitoring from infusion-scheduled. */
    void inProgress(String... sessions) {
        booked.book(now.minus(java.time.Duration.ofMinutes(30)), sessions);
    }

    @Test
    void readsChangesAndRefusalsOfPatientDataAreInTheAuditTrail() {
        String nurse = TestTokens.of("audit-nurse", Role.NURSE, "aud_bos");
        inProgress("ses_aud_den", "p_aud_den", "aud_den", "ses_aud", "p_aud", "aud_bos");
        client.post(
                "/api/sessions/ses_aud_den/vitals",
                vitals("p_aud_den", "aud_den", now, 130),
                TestTokens.of("nurse-aud_den", Role.NURSE, "aud_den"));

        assertThat(client.post("/api/sessions/ses_aud/vitals", vitals("p_aud", "aud_bos", now, 130), nurse)
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> reported =
                client.post("/api/adverse-events", adverseEvent("p_aud", "aud_bos", "ses_aud", now, 2), nurse);
        String eventId = json(reported).get("adverseEvent").get("id").asString();
        assertThat(client.get("/api/adverse-events/" + eventId, nurse).statusCode())
                .isEqualTo(200);
        assertThat(client.get("/api/sessions/ses_aud_den/vitals", nurse).statusCode())
                .isEqualTo(403);
        assertThat(client.post(
                                "/api/patients/p_aud/clinical-hold/release",
                                "{\"clinicianId\":\"n\",\"reason\":\"r\"}",
                                nurse)
                        .statusCode())
                .isEqualTo(403);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries("audit-nurse")).hasSize(5));
        assertThat(entries("audit-nurse"))
                .extracting(
                        AuditRecord::action,
                        AuditRecord::object,
                        AuditRecord::patientId,
                        AuditRecord::site,
                        AuditRecord::outcome)
                .containsExactlyInAnyOrder(
                        tuple("chart", "sessions/ses_aud", "p_aud", "aud_bos", Outcome.SUCCESS),
                        tuple("report", "adverse-events", "p_aud", "aud_bos", Outcome.SUCCESS),
                        tuple("one", "adverse-events/" + eventId, "p_aud", "aud_bos", Outcome.SUCCESS),
                        // another site's session: refused, and still recorded with whose data it was
                        tuple("chartOf", "sessions/ses_aud_den", "p_aud_den", "aud_den", Outcome.DENIED),
                        // a nurse releasing a hold: refused by role before any handler ran
                        tuple(
                                "POST /api/patients/p_aud/clinical-hold/release",
                                "patients/p_aud/clinical-hold/release",
                                null,
                                null,
                                Outcome.DENIED));
        assertThat(entries("audit-nurse")).allSatisfy(entry -> {
            assertThat(entry.roles()).containsExactly("NURSE");
            assertThat(entry.service()).isEqualTo("monitoring-service");
        });

        HttpResponse<String> byAdmin = client.get("/api/audit?actor=audit-nurse&outcome=DENIED", TestTokens.admin());
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(json(byAdmin).get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(client.get("/api/audit?actor=audit-nurse", nurse).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOpenIndicatorsNameNoPatientSessionAlertOrAdverseEvent() {
        String nurse = TestTokens.of("nurse-met_bos", Role.NURSE, "met_bos");
        inProgress("ses_met_secret", "p_met_secret", "met_bos");
        HttpResponse<String> charted =
                client.post("/api/sessions/ses_met_secret/vitals", vitals("p_met_secret", "met_bos", now, 210), nurse);
        String alertId = json(charted).get("alertsRaised").get(0).get("alertId").asString();
        HttpResponse<String> reported = client.post(
                "/api/adverse-events", adverseEvent("p_met_secret", "met_bos", "ses_met_secret", now, 3), nurse);
        String eventId = json(reported).get("adverseEvent").get("id").asString();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.scrape())
                        .contains(
                                "clinic_vitals_alerts_total{application=\"monitoring-service\",rule=\"BP_SEVERE\",site=\"met_bos\"} 1.0")
                        .contains(
                                "clinic_clinical_holds_open{application=\"monitoring-service\",site=\"met_bos\"} 1.0"));
        String scraped = client.scrape();
        assertThat(scraped).doesNotContain("p_met_secret", "ses_met_secret", alertId, eventId);
        List<String> labelNames = scraped.lines()
                .filter(line -> !line.startsWith("#") && line.contains("{"))
                .flatMap(line -> java.util.Arrays.stream(line.substring(line.indexOf('{') + 1, line.lastIndexOf('}'))
                        .split(",(?=[a-z_]+=\")")))
                .map(label -> label.substring(0, label.indexOf('=')))
                .distinct()
                .toList();
        assertThat(labelNames).noneMatch(name -> name.contains("patient") || name.contains("session"));
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }
}
