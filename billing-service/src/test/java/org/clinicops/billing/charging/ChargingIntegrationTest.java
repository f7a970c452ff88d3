package org.clinicops.billing.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

@ServiceIntegrationTest
class ChargingIntegrationTest {

    static final Instant COMPLETED = Instant.parse("2026-03-16T17:30:00Z");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    Api api;

    @BeforeEach
    void site() {
        // billing hears of the sessions minutes after they completed; the assistance decision below
        // (March to August) is in effect that day
        clock.set(COMPLETED.plus(Duration.ofMinutes(5)));
        api = new Api(port);
        TestEvents.publish(
                kafka,
                new SiteUpdated("bos", "Boston", "America/New_York", "USD", 6, List.of(), true, COMPLETED),
                "evt_site_bos");
        await().until(() -> api.get("/api/sites/bos/fee-schedule").status() == 200);
    }

    static SessionCompleted session(String appointmentId, String patientId, Route route, int minutes, String dose) {
        return new SessionCompleted(
                appointmentId,
                "plan_" + patientId,
                patientId,
                "bos",
                "chair_1",
                1,
                6,
                route == Route.NASAL ? Protocol.ESKETAMINE_INDUCTION : Protocol.DEPRESSION_INDUCTION,
                route,
                new BigDecimal(dose),
                minutes,
                120,
                null,
                null,
                false,
                COMPLETED.minusSeconds(minutes * 60L),
                COMPLETED);
    }

    List<Map<String, Object>> invoicesOf(String patientId) {
        return api.get("/api/invoices?patientId=" + patientId).get("content");
    }

    double consumed(String type, String outcome) {
        return meters.find("clinic.events.consumed").tag("type", type).tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Test
    void chargesA91MinuteInfusionOnceEvenWhenRedeliveredOrRepublishedUnderANewEventId() {
        double appliedBefore = consumed("clinic.session-completed.v1", "applied");
        double duplicatesBefore = consumed("clinic.session-completed.v1", "duplicate");
        SessionCompleted completed = session("apt_once", "p_once", Route.IV_INFUSION, 91, "35.0");

        TestEvents.publish(kafka, completed, "evt_once_1");
        TestEvents.publish(kafka, completed, "evt_once_1"); // redelivery: same ce_id
        TestEvents.publish(kafka, completed, "evt_once_2"); // replay by the producer: new ce_id, same appointment

        await().until(() -> consumed("clinic.session-completed.v1", "applied") >= appliedBefore + 2
                && consumed("clinic.session-completed.v1", "duplicate") >= duplicatesBefore + 1);
        List<Map<String, Object>> invoices = invoicesOf("p_once");
        assertThat(invoices).hasSize(1);
        Map<String, Object> invoice = invoices.get(0);
        assertThat(invoice.get("status")).isEqualTo("ISSUED");
        assertThat(invoice.get("currency")).isEqualTo("USD");
        assertThat((List<Map<String, Object>>) invoice.get("lines"))
                .extracting(l -> l.get("code") + "x" + l.get("units") + "=" + l.get("amount"))
                .containsExactly("96365x1=450.00", "96366x1=150.00", "J3490x1=45.00");
        assertThat(invoice.get("total")).isEqualTo("645.00");
        assertThat(invoice.get("balance")).isEqualTo("645.00");

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.invoice-issued")) {
            probe.await(r -> "p_once".equals(r.key()));
            assertThat(probe.matching(r -> "p_once".equals(r.key()))).hasSize(1);
        }
    }

    @Test
    void billsEsketamineByDose() {
        TestEvents.publish(kafka, session("apt_nasal", "p_nasal", Route.NASAL, 0, "84"), "evt_nasal");

        await().until(() -> invoicesOf("p_nasal").size() == 1);
        assertThat((List<Map<String, Object>>) invoicesOf("p_nasal").get(0).get("lines"))
                .extracting(l -> l.get("code"))
                .containsExactly("G2083");
    }

    @Test
    void leavesTheConsultationFreeUnlessTheSitePricesIt() {
        TestEvents.publish(
                kafka,
                new ConsultationCompleted("apt_c1", "req_c1", "p_free", "bos", "doc_1", COMPLETED, COMPLETED),
                "evt_c1");
        TestEvents.publish(
                kafka,
                new SiteUpdated("sea", "Seattle", "America/Los_Angeles", "USD", 4, List.of(), true, COMPLETED),
                "evt_site_sea");
        await().until(() -> api.get("/api/sites/sea/fee-schedule").status() == 200);
        var priced = api.put(
                "/api/sites/sea/fee-schedule",
                Map.of(
                        "items",
                        List.of(Map.of("code", "99204", "description", "New patient evaluation", "unitPrice", "350"))));
        assertThat(priced.status()).isEqualTo(200);
        TestEvents.publish(
                kafka,
                new ConsultationCompleted("apt_c2", "req_c2", "p_paid", "sea", "doc_2", COMPLETED, COMPLETED),
                "evt_c2");

        await().until(() -> invoicesOf("p_paid").size() == 1);
        assertThat(invoicesOf("p_paid").get(0).get("total")).isEqualTo("350.00");
        assertThat(invoicesOf("p_free")).isEmpty();
    }

    @Test
    void billsTheEvaluationCodeOfTheFlagAndLevelNotOfWhatTheSitePrices() {
        TestEvents.publish(
                kafka,
                new SiteUpdated("pdx", "Portland", "America/Los_Angeles", "USD", 4, List.of(), true, COMPLETED),
                "evt_site_pdx");
        await().until(() -> api.get("/api/sites/pdx/fee-schedule").status() == 200);
        var priced = api.put(
                "/api/sites/pdx/fee-schedule",
                Map.of(
                        "items",
                        List.of(
                                Map.of("code", "99204", "description", "New patient, moderate", "unitPrice", "350"),
                                Map.of("code", "99214", "description", "Established, moderate", "unitPrice", "200"),
                                Map.of("code", "99215", "description", "Established, high", "unitPrice", "260"))));
        assertThat(priced.status()).isEqualTo(200);

        TestEvents.publish(kafka, consultation("p_new_mod", true, ConsultationCompleted.VisitLevel.MODERATE), "e_1");
        TestEvents.publish(kafka, consultation("p_est_high", false, ConsultationCompleted.VisitLevel.HIGH), "e_2");
        TestEvents.publish(kafka, consultation("p_est_mod", false, ConsultationCompleted.VisitLevel.MODERATE), "e_3");
        TestEvents.publish(kafka, consultation("p_new_high", true, ConsultationCompleted.VisitLevel.HIGH), "e_4");
        TestEvents.publish(kafka, consultation("p_new_high", true, ConsultationCompleted.VisitLevel.HIGH), "e_4");

        await().until(() -> invoicesOf("p_new_mod").size() == 1
                && invoicesOf("p_est_high").size() == 1
                && invoicesOf("p_est_mod").size() == 1
                && mongo.getCollection(EventInbox.COLLECTION)
                                .find(new org.bson.Document("_id", "consultation-completed/e_4"))
                                .first()
                        != null);
        assertThat(List.of("p_new_mod", "p_est_high", "p_est_mod"))
                .extracting(p ->
                        code(invoicesOf(p).get(0)) + " " + invoicesOf(p).get(0).get("total"))
                .containsExactly("99204 350.00", "99215 260.00", "99214 200.00");
        // 99205 is not priced at pdx: that consultation is free, never billed as 99204 instead
        assertThat(invoicesOf("p_new_high")).isEmpty();
    }

    private static ConsultationCompleted consultation(
            String patientId, boolean newPatient, ConsultationCompleted.VisitLevel level) {
        return new ConsultationCompleted(
                "apt_c_" + patientId,
                "req_" + patientId,
                patientId,
                "pdx",
                "doc_pdx",
                COMPLETED,
                COMPLETED,
                newPatient,
                level);
    }

    @SuppressWarnings("unchecked")
    private static Object code(Map<String, Object> invoice) {
        return ((List<Map<String, Object>>) invoice.get("lines")).get(0).get("code");
    }

    @Test
    void chargesTheNoShowAndLateCancellationFeesButNotATimelyCancellation() {
        TestEvents.publish(
                kafka, new PatientNoShow("apt_ns", "plan_x", "p_fees", "bos", 2, COMPLETED, COMPLETED), "evt_ns");
        TestEvents.publish(
                kafka,
                new InfusionCancelled(
                        "apt_late",
                        "plan_x",
                        "p_fees",
                        "bos",
                        3,
                        COMPLETED,
                        InfusionCancelled.Reason.PATIENT_REQUEST,
                        true,
                        false,
                        COMPLETED),
                "evt_late");
        TestEvents.publish(
                kafka,
                new InfusionCancelled(
                        "apt_early",
                        "plan_x",
                        "p_fees",
                        "bos",
                        4,
                        COMPLETED,
                        InfusionCancelled.Reason.PATIENT_REQUEST,
                        false,
                        false,
                        COMPLETED),
                "evt_early");

        await().until(() -> invoicesOf("p_fees").size() == 2);
        assertThat(invoicesOf("p_fees"))
                .extracting(i -> i.get("source") + " " + i.get("total"))
                .containsExactlyInAnyOrder("NO_SHOW 50.00", "LATE_CANCELLATION 50.00");
    }

    @Test
    void appliesTheAssistanceDecisionToLaterCharges() {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_fa",
                        "p_assisted",
                        "bos",
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        COMPLETED),
                "evt_fa_req");
        await().until(() -> api.get("/api/patients/p_assisted/account").status() == 200);
        var decision = api.post(
                "/api/patients/p_assisted/assistance-decisions",
                Map.of(
                        "householdSize", 3,
                        "householdIncome", "40000",
                        "effectiveFrom", "2026-03-01",
                        "effectiveTo", "2026-08-31"));
        assertThat(decision.status()).isEqualTo(201);
        assertThat(decision.<String>get("tier")).isEqualTo("B");
        assertThat(decision.<Integer>get("discountPercent")).isEqualTo(50);

        TestEvents.publish(kafka, session("apt_fa", "p_assisted", Route.IV_INFUSION, 40, "35"), "evt_fa");

        await().until(() -> invoicesOf("p_assisted").size() == 1);
        Map<String, Object> invoice = invoicesOf("p_assisted").get(0);
        assertThat(invoice.get("subtotal")).isEqualTo("495.00");
        assertThat(invoice.get("discount")).isEqualTo("247.50");
        assertThat(invoice.get("patientResponsibility")).isEqualTo("247.50");
        assertThat(invoice.get("assistanceTier")).isEqualTo("B");
    }

    @Test
    void coversASessionFromAPrepaidSeriesPackage() {
        var sold = api.post(
                "/api/patients/p_series/series-packages", Map.of("siteId", "bos", "sessions", 2, "price", "1800.00"));
        assertThat(sold.status()).isEqualTo(201);

        TestEvents.publish(kafka, session("apt_s1", "p_series", Route.IV_INFUSION, 40, "35"), "evt_s1");

        await().until(() -> invoicesOf("p_series").size() == 2);
        assertThat(invoicesOf("p_series"))
                .extracting(i -> i.get("source") + " " + i.get("status") + " " + i.get("patientResponsibility"))
                .containsExactlyInAnyOrder("SERIES_PACKAGE ISSUED 1800.00", "SESSION PAID 0.00");
        List<Map<String, Object>> packages = Api.rest(port)
                .get()
                .uri("/api/patients/p_series/series-packages")
                .retrieve()
                .body(List.class);
        assertThat(packages)
                .singleElement()
                .satisfies(p -> assertThat(p.get("remaining")).isEqualTo(1));
    }

    @Test
    void aSeriesPackageBoughtAfterASessionWasInvoicedCoversItOnce() {
        TestEvents.publish(kafka, session("apt_late_pkg", "p_late_pkg", Route.IV_INFUSION, 40, "35"), "evt_late_pkg");
        await().until(() -> invoicesOf("p_late_pkg").size() == 1);
        String invoiceId = (String) invoicesOf("p_late_pkg").get(0).get("id");
        BigDecimal owedBefore =
                new BigDecimal((String) invoicesOf("p_late_pkg").get(0).get("patientResponsibility"));
        assertThat(api.post("/api/invoices/" + invoiceId + "/series-package", Map.of())
                        .status())
                .as("no package yet")
                .isEqualTo(409);
        var sold = api.post(
                "/api/patients/p_late_pkg/series-packages", Map.of("siteId", "bos", "sessions", 3, "price", "1500.00"));
        assertThat(sold.status()).isEqualTo(201);

        var covered = api.post("/api/invoices/" + invoiceId + "/series-package", Map.of());
        assertThat(covered.status()).isEqualTo(200);
        assertThat(covered.<String>get("patientResponsibility")).isEqualTo("0.00");
        assertThat(covered.<String>get("status")).isEqualTo("PAID");
        assertThat(api.post("/api/invoices/" + invoiceId + "/series-package", Map.of())
                        .status())
                .isEqualTo(409);

        try (TopicProbe probe = new TopicProbe(brokers, EventType.INVOICE_ADJUSTED.topic())) {
            var record = probe.await(r -> "p_late_pkg".equals(r.key()));
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(EventType.INVOICE_ADJUSTED.source());
            assertThat(EventSchemas.violations(EventType.INVOICE_ADJUSTED, record.value()))
                    .isEmpty();
            InvoiceAdjusted event = EventJson.read(record.value(), InvoiceAdjusted.class);
            assertThat(event.reason()).isEqualTo(InvoiceAdjusted.Reason.SERIES_PACKAGE);
            assertThat(event.patientResponsibility()).isEqualByComparingTo("0");
            assertThat(event.previousPatientResponsibility()).isEqualByComparingTo(owedBefore);
            assertThat(event.prepaid()).isTrue();
            // one event: counted by ce_id (a record the relay sends again keeps its id)
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> probe.matching(r -> "p_late_pkg".equals(r.key())).stream()
                                    .map(r -> TopicProbe.header(r, "ce_id"))
                                    .distinct()
                                    .count()
                            == 1);
        }
        List<Map<String, Object>> packages = Api.rest(port)
                .get()
                .uri("/api/patients/p_late_pkg/series-packages")
                .retrieve()
                .body(List.class);
        assertThat(packages)
                .singleElement()
                .satisfies(p -> assertThat(p.get("remaining")).isEqualTo(2));
    }

    @Test
    void exposesBilledDiscountedOutstandingAndOutOfPocketBySite() {
        TestEvents.publish(kafka, session("apt_metrics", "p_metrics", Route.IV_INFUSION, 40, "35"), "evt_metrics");
        await().until(() -> invoicesOf("p_metrics").size() == 1);

        var http = Api.rest(managementPort);
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(http.get()
                                .uri("/actuator/prometheus")
                                .retrieve()
                                .body(String.class))
                        .contains("clinic_billing_billed_total{")
                        .contains("clinic_billing_discounted_total{")
                        .contains("clinic_billing_invoiced_patient_responsibility_per_session_bucket{")
                        .contains("clinic_billing_outstanding{")
                        .contains("clinic_billing_accounts{")
                        .contains("clinic_billing_assistance_decisions_in_effect_ratio")
                        .contains("site=\"bos\"")
                        .doesNotContain("p_metrics"));
    }
}
