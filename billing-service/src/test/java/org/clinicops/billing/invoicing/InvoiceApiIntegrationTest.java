package org.clinicops.billing.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.application.ManageInvoice;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.InvoiceVoided;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived.Method;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class InvoiceApiIntegrationTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    ManageInvoice manage;

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void client() {
        // a weekday morning at the Boston site: the drafts' day of service and every payment's time
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneId.of("America/New_York")));
        api = new Api(port);
    }

    /** A draft is only for a patient with an account at its site: the patient asks for a consultation there. */
    void accountAtBoston(String patientId) {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_" + patientId,
                        patientId,
                        "bos",
                        Condition.ANXIETY,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        clock.instant()),
                "evt_req_" + patientId);
        await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> api.get("/api/patients/" + patientId + "/account?siteId=bos")
                                .status()
                        == 200);
    }

    String issuedInvoice(String patientId, String price) {
        accountAtBoston(patientId);
        var draft = api.post(
                "/api/invoices",
                Map.of(
                        "patientId",
                        patientId,
                        "siteId",
                        "bos",
                        "lines",
                        List.of(Map.of(
                                "code",
                                "96365",
                                "description",
                                "IV infusion, first hour",
                                "units",
                                1,
                                "unitPrice",
                                price))));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.<String>get("status")).isEqualTo("DRAFT");
        String id = draft.get("id");
        var issued = api.post("/api/invoices/" + id + "/issue", Map.of());
        assertThat(issued.<String>get("status")).isEqualTo("ISSUED");
        return id;
    }

    @Test
    void recordsPaymentsUntilPaidAndPublishesEachOne() {
        String id = issuedInvoice("p_pay", "450.00");

        var partly = api.post("/api/invoices/" + id + "/payments", Map.of("amount", "200.00", "method", "CARD"));
        assertThat(partly.status()).isEqualTo(200);
        assertThat(partly.<String>get("status")).isEqualTo("PARTIALLY_PAID");
        assertThat(partly.<String>get("balance")).isEqualTo("250.00");

        var paid = api.post("/api/invoices/" + id + "/payments", Map.of("amount", "250", "method", "CASH"));
        assertThat(paid.<String>get("status")).isEqualTo("PAID");
        assertThat(paid.<String>get("balance")).isEqualTo("0.00");
        assertThat((List<Map<String, Object>>) paid.get("history"))
                .extracting(h -> h.get("action"))
                .containsExactly("CREATED", "ISSUED", "PAYMENT", "PAYMENT");

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.payment-received")) {
            probe.await(r -> "p_pay".equals(r.key()) && new String(r.value()).contains("\"invoiceBalance\":\"0.00\""));
        }
    }

    @Test
    void refusesOverpaymentAndRefundsAboveWhatWasPaid() {
        String id = issuedInvoice("p_limits", "100.00");

        var over = api.post("/api/invoices/" + id + "/payments", Map.of("amount", "100.01", "method", "CARD"));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.<String>get("code")).isEqualTo("OVERPAYMENT");

        api.post("/api/invoices/" + id + "/payments", Map.of("amount", "60.00", "method", "CARD"));
        var tooMuch =
                api.post("/api/invoices/" + id + "/refunds", Map.of("amount", "60.01", "reason", "billing error"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.<String>get("code")).isEqualTo("REFUND_EXCEEDS_PAID");

        var refunded =
                api.post("/api/invoices/" + id + "/refunds", Map.of("amount", "60.00", "reason", "billing error"));
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.<String>get("paid")).isEqualTo("0.00");
        assertThat(refunded.<String>get("balance")).isEqualTo("100.00");
    }

    @Test
    void rejectsBadPaymentsNamingTheField() {
        String id = issuedInvoice("p_bad", "100.00");

        var bad = api.post("/api/invoices/" + id + "/payments", Map.of("amount", "-5", "method", "BITCOIN"));
        assertThat(bad.status()).isEqualTo(400);
        var noReason = api.post("/api/invoices/" + id + "/void", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().toString()).contains("reason");
        assertThat(api.get("/api/invoices/" + id).<String>get("status")).isEqualTo("ISSUED");
    }

    @Test
    void voidsWithAReasonKeptInTheHistory() {
        String id = issuedInvoice("p_void", "100.00");

        var voided = api.post("/api/invoices/" + id + "/void", Map.of("reason", "duplicate invoice"));
        assertThat(voided.<String>get("status")).isEqualTo("VOID");
        assertThat((List<Map<String, Object>>) voided.get("history"))
                .last()
                .satisfies(h -> assertThat(h.get("detail")).isEqualTo("duplicate invoice"));
        assertThat(api.post("/api/invoices/" + id + "/payments", Map.of("amount", "1", "method", "CASH"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void voidingAnIssuedInvoicePublishesInvoiceVoidedOnceWithoutItsReason() {
        String id = issuedInvoice("p_voided", "120.00");

        var voided = api.post("/api/invoices/" + id + "/void", Map.of("reason", "entered for Mrs Quill by mistake"));
        assertThat(voided.<String>get("status")).isEqualTo("VOID");
        assertThat(api.post("/api/invoices/" + id + "/void", Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);

        try (TopicProbe probe = new TopicProbe(brokers, EventType.INVOICE_VOIDED.topic())) {
            var record = probe.await(r -> "p_voided".equals(r.key()));
            assertOwnersHeaders(record, EventType.INVOICE_VOIDED);
            InvoiceVoided event = EventJson.read(record.value(), InvoiceVoided.class);
            assertThat(event.invoiceId()).isEqualTo(id);
            assertThat(event.source()).isEqualTo(InvoiceIssued.Source.MANUAL);
            assertThat(event.total()).isEqualByComparingTo("120.00");
            assertThat(event.patientResponsibility()).isEqualByComparingTo("120.00");
            assertThat(event.currency()).isEqualTo("USD");
            assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("Quill", "mistake");
            // one event: counted by ce_id (a record the relay sends again keeps its id)
            await().during(java.time.Duration.ofSeconds(1))
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> probe.matching(r -> "p_voided".equals(r.key())).stream()
                                    .map(r -> TopicProbe.header(r, "ce_id"))
                                    .distinct()
                                    .count()
                            == 1);
        }
    }

    @Test
    void assistanceAppliedAfterIssuePublishesInvoiceAdjustedWithTheNewShareOnce() {
        String id = issuedInvoice("p_adjusted", "400.00");

        var adjusted = manage.applyAssistance(id, 25, "B", "clerk");
        manage.applyAssistance(id, 25, "B", "clerk"); // the clerk pressed again: nothing changes
        assertThat(adjusted.patientResponsibility()).isEqualByComparingTo("300.00");

        try (TopicProbe probe = new TopicProbe(brokers, EventType.INVOICE_ADJUSTED.topic())) {
            var record = probe.await(r -> "p_adjusted".equals(r.key()));
            assertOwnersHeaders(record, EventType.INVOICE_ADJUSTED);
            InvoiceAdjusted event = EventJson.read(record.value(), InvoiceAdjusted.class);
            assertThat(event.invoiceId()).isEqualTo(id);
            assertThat(event.reason()).isEqualTo(InvoiceAdjusted.Reason.ASSISTANCE);
            assertThat(event.patientResponsibility()).isEqualByComparingTo("300.00");
            assertThat(event.previousPatientResponsibility()).isEqualByComparingTo("400.00");
            assertThat(event.discount()).isEqualByComparingTo("100.00");
            assertThat(event.assistanceApplied()).isTrue();
            // one event: counted by ce_id (a record the relay sends again keeps its id)
            await().during(java.time.Duration.ofSeconds(1))
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> probe.matching(r -> "p_adjusted".equals(r.key())).stream()
                                    .map(r -> TopicProbe.header(r, "ce_id"))
                                    .distinct()
                                    .count()
                            == 1);
        }
    }

    private static void assertOwnersHeaders(
            org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, EventType type) {
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(type.type());
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/clinicops/billing-service");
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo(EventType.SPEC_VERSION);
        assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
        assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
        assertThat(TopicProbe.header(record, "content-type")).isEqualTo(EventType.CONTENT_TYPE);
        assertThat(EventSchemas.violations(type, record.value())).isEmpty();
    }

    @Test
    void answers404ForAnUnknownInvoice() {
        assertThat(api.get("/api/invoices/inv_nothing").status()).isEqualTo(404);
    }

    @Test
    void listsInvoicesByStatusInPages() {
        issuedInvoice("p_list", "10.00");
        issuedInvoice("p_list", "20.00");

        var page = api.get("/api/invoices?patientId=p_list&status=ISSUED&size=1");
        assertThat((List<?>) page.get("content")).hasSize(1);
        assertThat((Map<String, Object>) page.get("page"))
                .containsEntry("totalElements", 2)
                .containsEntry("size", 1);
    }

    @Test
    void neverOverpaysWhenTwoClerksPayTheSameInvoiceAtOnce() throws Exception {
        String id = issuedInvoice("p_race", "300.00");
        CyclicBarrier together = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> payAll(id, together));
        var second = CompletableFuture.supplyAsync(() -> payAll(id, together));

        List<Integer> statuses = List.of(first.get(), second.get());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        var invoice = api.get("/api/invoices/" + id);
        assertThat(invoice.<String>get("paid")).isEqualTo("300.00");
        assertThat((List<?>) invoice.get("payments")).hasSize(1);
    }

    @Test
    void turnsALostUpdateIntoAConflict() {
        String id = issuedInvoice("p_lost", "300.00");

        // clerk A loads the invoice; while A is still working, clerk B pays and saves first
        assertThatThrownBy(() -> lostUpdate(id))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE"));
        assertThat(api.get("/api/invoices/" + id).<String>get("paid")).isEqualTo("100.00");
    }

    @Autowired
    InvoiceRepository store;

    private Object lostUpdate(String id) {
        return store.change(id, invoiceOfA -> {
            manage.handle(new ManageInvoice.RecordPayment(id, new BigDecimal("100"), Method.CASH, "b"));
            invoiceOfA.recordPayment("pay_a", new BigDecimal("300"), Method.CARD, "a", "evt_a", clock.instant());
        });
    }

    private int payAll(String id, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return api.post("/api/invoices/" + id + "/payments", Map.of("amount", "300.00", "method", "CARD"))
                .status();
    }
}
