package org.clinicops.billing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Charge;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Issue 17, billing: writes bound to the caller's site, money bounded before arithmetic, enums and
 * sizes refused with 400 problem details, lists paged in the store and every patient of a page
 * audited. Every refusal writes nothing.
 */
@ServiceIntegrationTest
class HostileInputTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");
    static final String BILLING_BOS = TestTokens.of("hostile-bos", Role.BILLING, "bos");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InvoiceRepository store;

    @Autowired
    TestClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    Api admin;

    @BeforeEach
    void patientsAtBostonAndDenver() {
        clock.set(NOW.plusSeconds(300));
        admin = new Api(port);
        for (String site : List.of("bos", "den")) {
            TestEvents.publish(
                    kafka,
                    new SiteUpdated(site, site, "America/Denver", "USD", 4, List.of(), true, NOW),
                    "evt_hostile_site_" + site);
            TestEvents.publish(
                    kafka,
                    new ConsultationRequested(
                            "req_hostile_" + site,
                            "p_hostile_" + site,
                            site,
                            Condition.ANXIETY,
                            ReferralSource.SELF,
                            PayerType.SELF_PAY,
                            false,
                            NOW),
                    "evt_hostile_req_" + site);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/patients/p_hostile_bos/account").status() == 200
                        && admin.get("/api/patients/p_hostile_den/account").status() == 200);
    }

    // --- writes bound to the caller's site ---

    @Test
    void aDraftIsWrittenOnlyAtTheCallersSiteForAPatientWithAnAccountThere() throws Exception {
        long before = invoices();

        var elsewhere = send("POST", "/api/invoices", draft("p_hostile_den", "bos", 1, "x"), BILLING_BOS);
        var unknown = send("POST", "/api/invoices", draft("p_hostile_nobody", "bos", 1, "x"), BILLING_BOS);
        var foreignSite = send("POST", "/api/invoices", draft("p_hostile_den", "den", 1, "x"), BILLING_BOS);

        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreignSite.statusCode()).isEqualTo(403);
        for (var refused : List.of(elsewhere, unknown, foreignSite)) {
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(invoices()).isEqualTo(before);
        assertThat(send("POST", "/api/invoices", draft("p_hostile_bos", "bos", 1, "x"), BILLING_BOS)
                        .statusCode())
                .isEqualTo(201);
    }

    // --- money bounded before arithmetic ---

    @ParameterizedTest
    @ValueSource(
            strings = {"1e300000000", "\"1e300000000\"", "\"0.001\"", "-1", "\"NaN\"", "1234567890123", "\"1,250.00\""})
    void anApiAmountOutsideTheBoundsIsAFast400AndChangesNothing(String amount) throws Exception {
        String id = issuedInvoice();

        var answer = assertTimeoutPreemptively(
                Duration.ofSeconds(3),
                () -> send(
                        "POST",
                        "/api/invoices/" + id + "/payments",
                        "{\"amount\":" + amount + ",\"method\":\"CASH\"}",
                        BILLING_BOS));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("amount");
        assertThat(admin.get("/api/invoices/" + id).<String>get("paid")).isEqualTo("0.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300000000", "0.001", "-1", "NaN", "1234567890123", "1,25.00"})
    void aDeskAmountOutsideTheBoundsIsAFast400BesideTheFieldAndChangesNothing(String amount) throws Exception {
        String id = issuedInvoice();

        var answer = assertTimeoutPreemptively(
                Duration.ofSeconds(3),
                () -> form(
                        "/invoices/" + id + "/payments",
                        "amount=" + URLEncoder.encode(amount, StandardCharsets.UTF_8) + "&method=CASH"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"payment-amount-error\"");
        assertThat(admin.get("/api/invoices/" + id).<String>get("paid")).isEqualTo("0.00");
    }

    @Test
    void theDeskTakesThousandsSeparatorsTheWayTheyAreWritten() throws Exception {
        String id = issuedInvoice();

        assertThat(form("/invoices/" + id + "/payments", "amount=%241%2C0.00&method=CASH")
                        .statusCode())
                .isEqualTo(400);
        assertThat(form("/invoices/" + id + "/payments", "amount=%2440.00&method=CASH")
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get("/api/invoices/" + id).<String>get("paid")).isEqualTo("40.00");
    }

    // --- enums ---

    @Test
    void anUnknownStatusOrMethodIsA400NamingTheAllowedValues() throws Exception {
        String id = issuedInvoice();

        var queue = send("GET", "/?status=BOGUS", "", BILLING_BOS);
        var list = send("GET", "/api/invoices?status=BOGUS", "", BILLING_BOS);
        var method = form("/invoices/" + id + "/payments", "amount=10.00&method=BITCOIN");

        assertThat(queue.statusCode()).isEqualTo(400);
        assertThat(queue.body()).contains("ISSUED", "PARTIALLY_PAID", "VOID");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("PARTIALLY_PAID");
        assertThat(method.statusCode()).isEqualTo(400);
        assertThat(method.body()).contains("CARD, CASH, CHECK, INSURANCE");
        assertThat(admin.get("/api/invoices/" + id).<String>get("paid")).isEqualTo("0.00");
    }

    // --- sizes ---

    @Test
    void oversizedListsAndStringsAreRefusedAndWriteNothing() throws Exception {
        long before = invoices();
        String id = issuedInvoice();
        String admin = TestTokens.admin();
        String items = String.join(
                ",",
                java.util.Collections.nCopies(201, "{\"code\":\"X\",\"description\":\"x\",\"unitPrice\":\"1.00\"}"));
        String tiers = String.join(
                ",",
                java.util.Collections.nCopies(
                        21, "{\"name\":\"A\",\"maxPercentOfGuideline\":100,\"discountPercent\":10}"));

        List<HttpResponse<String>> refused = List.of(
                send("POST", "/api/invoices", draft("p_hostile_bos", "bos", 51, "x"), BILLING_BOS),
                send("POST", "/api/invoices", draft("p_hostile_bos", "bos", 1, "x".repeat(201)), BILLING_BOS),
                send("PUT", "/api/sites/bos/fee-schedule", "{\"items\":[" + items + "]}", admin),
                send("PUT", "/api/sites/bos/assistance-policy", "{\"tiers\":[" + tiers + "]}", admin),
                send("POST", "/api/invoices/" + id + "/void", "{\"reason\":\"" + "r".repeat(501) + "\"}", BILLING_BOS),
                send("GET", "/api/invoices/" + "i".repeat(65), "", BILLING_BOS));

        assertThat(refused).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        });
        assertThat(invoices()).isEqualTo(before + 1);
        assertThat(this.admin.get("/api/invoices/" + id).<String>get("status")).isEqualTo("ISSUED");
        assertThat(this.admin.get("/api/sites/bos/fee-schedule").<List<?>>get("items"))
                .hasSizeLessThan(201);
    }

    // --- paging and the audit of list reads ---

    @Test
    void theWorkQueueIsPagedInTheStoreAndEveryPatientOfThePageIsAudited() throws Exception {
        // a site of its own: the 55 invoices would push other tests' invoices off their queue's first page
        List<String> patients = new ArrayList<>();
        for (int n = 0; n < 55; n++) {
            String patient = "p_hostile_q%02d".formatted(n);
            patients.add(patient);
            store.insertOnce(Invoice.charge(
                    "inv_hostile_q%02d".formatted(n),
                    new Charge(
                            patient,
                            "sea",
                            PayerType.SELF_PAY,
                            "USD",
                            InvoiceIssued.Source.MANUAL,
                            null,
                            null,
                            NOW.minusSeconds(60L * (60 - n)),
                            List.of(InvoiceLine.of("X", "x", 1, new BigDecimal("10.00"))),
                            0,
                            null,
                            false),
                    "evt_hostile_q%02d".formatted(n),
                    NOW));
        }
        String queueReader = TestTokens.of("hostile-queue", Role.BILLING, "sea");

        var first = send("GET", "/?siteId=sea", "", queueReader);
        var api = send("GET", "/api/invoices?siteId=sea&size=1000", "", queueReader);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Pattern.compile("href=\"/invoices/inv_")
                        .matcher(first.body())
                        .results()
                        .count())
                .isEqualTo(50);
        assertThat(first.body()).contains("Next page").contains("p_hostile_q00").doesNotContain("p_hostile_q54");
        assertThat(api.body()).contains("\"size\":100");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<AuditRecord> entries = mongo.find(
                    Query.query(Criteria.where("actor").is("hostile-queue")), AuditRecord.class, AuditTrail.COLLECTION);
            assertThat(entries).hasSize(2);
            assertThat(entries)
                    .filteredOn(e -> e.action().equals("queue"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.patientIds())
                            .hasSize(50)
                            .containsAll(patients.subList(0, 50))
                            .doesNotContain(patients.get(54)));
            assertThat(entries)
                    .filteredOn(e -> e.action().equals("list"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.patientIds()).containsAll(patients));
        });
        var second = send("GET", "/?siteId=sea&page=1", "", queueReader);
        assertThat(second.body()).contains("p_hostile_q54").doesNotContain("p_hostile_q00\"");
    }

    private String issuedInvoice() throws Exception {
        String id = admin.post(
                        "/api/invoices",
                        Map.of(
                                "patientId",
                                "p_hostile_bos",
                                "siteId",
                                "bos",
                                "lines",
                                List.of(Map.of("code", "X", "description", "x", "units", 1, "unitPrice", "100.00"))))
                .get("id");
        admin.post("/api/invoices/" + id + "/issue", Map.of());
        return id;
    }

    private static String draft(String patientId, String siteId, int lines, String description) {
        String line = "{\"code\":\"X\",\"description\":\"" + description + "\",\"units\":1,\"unitPrice\":\"1.00\"}";
        return "{\"patientId\":\"" + patientId + "\",\"siteId\":\"" + siteId + "\",\"lines\":["
                + String.join(",", java.util.Collections.nCopies(lines, line)) + "]}";
    }

    private long invoices() {
        return mongo.count(new Query(), "invoices");
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", TestTokens.bearer(BILLING_BOS))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/html")
                        .header("Authorization", TestTokens.bearer(token))
                        .method(
                                method,
                                body.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
