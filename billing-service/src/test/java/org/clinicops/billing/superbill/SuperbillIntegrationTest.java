package org.clinicops.billing.superbill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

@ServiceIntegrationTest
class SuperbillIntegrationTest {

    static final Instant COMPLETED = Instant.parse("2026-03-16T17:30:00Z");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @BeforeEach
    void minutesAfterTheSession() {
        // the session is charged and paid in the month the superbill covers
        clock.set(COMPLETED.plusSeconds(300));
    }

    @Test
    void itemizesServicesWithCodesDiagnosisAndAmountsChargedAndPaid() throws Exception {
        Api api = new Api(port);
        TestEvents.publish(
                kafka,
                new SiteUpdated("bos", "Boston", "America/New_York", "USD", 6, List.of(), true, COMPLETED),
                "evt_site_bos");
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_sb",
                        "p_superbill",
                        "bos",
                        Condition.PTSD,
                        ReferralSource.SELF,
                        PayerType.OUT_OF_NETWORK,
                        false,
                        COMPLETED),
                "evt_sb_req");
        TestEvents.publish(
                kafka,
                TestEvents.planApproved("plan_sb", "req_sb", "p_superbill", "bos", Condition.PTSD, COMPLETED),
                "evt_sb_plan");
        TestEvents.publish(
                kafka,
                new SessionCompleted(
                        "apt_sb",
                        "plan_sb",
                        "p_superbill",
                        "bos",
                        "chair_1",
                        1,
                        6,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        new BigDecimal("35"),
                        91,
                        120,
                        null,
                        null,
                        false,
                        COMPLETED.minusSeconds(91 * 60),
                        COMPLETED),
                "evt_sb_session");
        TestEvents.publish(
                kafka,
                new PatientNoShow("apt_sb_ns", "plan_sb", "p_superbill", "bos", 2, COMPLETED, COMPLETED),
                "evt_sb_ns");
        await().until(() -> api.get("/api/patients/p_superbill/account").status() == 200
                && ((List<?>) api.get("/api/invoices?patientId=p_superbill").get("content")).size() == 2);
        Map<String, Object> session = ((List<Map<String, Object>>)
                        api.get("/api/invoices?patientId=p_superbill").get("content"))
                .stream()
                        .filter(i -> "SESSION".equals(i.get("source")))
                        .findFirst()
                        .orElseThrow();
        api.post("/api/invoices/" + session.get("id") + "/payments", Map.of("amount", "100.00", "method", "CARD"));

        ResponseEntity<byte[]> answer = Api.rest(port)
                .get()
                .uri("/api/patients/p_superbill/superbill?from=2026-03-01&to=2026-03-31")
                .retrieve()
                .toEntity(byte[].class);

        assertThat(answer.getHeaders().getContentType()).hasToString("application/pdf");
        String text;
        try (var pdf = Loader.loadPDF(answer.getBody())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text)
                .contains("Superbill")
                .contains("ClinicOps Ketamine Clinics")
                .contains("NPI: 1234567893")
                .contains("Boston")
                .contains("p_superbill")
                .contains("F43.10")
                .contains("2026-03-16")
                .contains("96365")
                .contains("96366")
                .contains("J3490")
                .contains("645.00")
                .contains("Total charged: 645.00 USD")
                .contains("Total paid: 100.00 USD")
                .doesNotContain("NO-SHOW");
    }

    @Test
    void eachLineCarriesTheDiagnosisOfItsOwnServiceNeverTheLatestRequests() throws Exception {
        Api api = new Api(port);
        TestEvents.publish(
                kafka,
                new SiteUpdated("bos", "Boston", "America/New_York", "USD", 6, List.of(), true, COMPLETED),
                "evt_site_bos");
        Instant first = Instant.parse("2026-03-10T17:30:00Z");
        treatedFor("1", Condition.ANXIETY, first.minusSeconds(86_400 * 3));
        session("1", first);
        await().until(() -> invoicesOf("p_sb_dx") == 1);
        // a later request and plan for another condition: the first session's diagnosis stays its own
        treatedFor("2", Condition.PTSD, first.plusSeconds(3600));
        session("2", COMPLETED);
        await().until(() -> invoicesOf("p_sb_dx") == 2);

        byte[] pdf = Api.rest(port)
                .get()
                .uri("/api/patients/p_sb_dx/superbill?from=2026-03-01&to=2026-03-31")
                .retrieve()
                .body(byte[].class);
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        List<String> lines = text.lines().filter(l -> l.contains("96365")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines)
                .filteredOn(l -> l.contains("2026-03-10"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("F41.1").doesNotContain("F43.10"));
        assertThat(lines)
                .filteredOn(l -> l.contains("2026-03-16"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("F43.10"));
        assertThat(api.get("/api/patients/p_sb_dx/account").<String>get("condition"))
                .isEqualTo("PTSD");
    }

    private void treatedFor(String n, Condition condition, Instant at) {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_sb_dx_" + n,
                        "p_sb_dx",
                        "bos",
                        condition,
                        ReferralSource.SELF,
                        PayerType.OUT_OF_NETWORK,
                        false,
                        at),
                "evt_sb_dx_req_" + n);
        TestEvents.publish(
                kafka,
                TestEvents.planApproved("plan_sb_dx_" + n, "req_sb_dx_" + n, "p_sb_dx", "bos", condition, at),
                "evt_sb_dx_plan_" + n);
        await().until(() -> mongo.getCollection("service_diagnoses")
                        .countDocuments(new org.bson.Document("_id", "plan:plan_sb_dx_" + n))
                == 1);
    }

    private void session(String n, Instant completed) {
        TestEvents.publish(
                kafka,
                new SessionCompleted(
                        "apt_sb_dx_" + n,
                        "plan_sb_dx_" + n,
                        "p_sb_dx",
                        "bos",
                        "chair_1",
                        1,
                        6,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        new BigDecimal("35"),
                        40,
                        60,
                        null,
                        null,
                        false,
                        completed.minusSeconds(40 * 60),
                        completed),
                "evt_sb_dx_session_" + n);
    }

    private long invoicesOf(String patientId) {
        return mongo.count(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("patientId")
                                .is(patientId)),
                "invoices");
    }

    @Test
    void listsNothingOutsideThePeriod() throws Exception {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_sb2",
                        "p_superbill_empty",
                        "bos",
                        Condition.CRPS,
                        ReferralSource.SELF,
                        PayerType.OUT_OF_NETWORK,
                        false,
                        COMPLETED),
                "evt_sb2_req");
        Api api = new Api(port);
        await().until(() -> api.get("/api/patients/p_superbill_empty/account").status() == 200);

        byte[] pdf = Api.rest(port)
                .get()
                .uri("/api/patients/p_superbill_empty/superbill?from=2025-01-01&to=2025-01-31")
                .retrieve()
                .body(byte[].class);
        try (var doc = Loader.loadPDF(pdf)) {
            // no service in the period, so no diagnosis either (a diagnosis belongs to a service)
            assertThat(new PDFTextStripper().getText(doc))
                    .doesNotContain("G90.50")
                    .contains("Total charged: 0.00 USD");
        }
    }
}
