package org.clinicops.billing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditRecord.Outcome;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EndpointSecurityContract;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who reaches which billing endpoint, at which sites, and what the audit trail keeps of it. */
@ServiceIntegrationTest
class BillingSecurityTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");

    static final String BILLING_BOS = TestTokens.of("billing-bos", Role.BILLING, "bos");
    static final String BILLING_MULTI =
            TestTokens.of("billing-multi", List.of(Role.BILLING), List.of("bos", "den", "sea"));
    static final String NURSE_BOS = TestTokens.of("nurse-bos", Role.NURSE, "bos");
    static final String OPERATOR = TestTokens.of("operator", Role.OPERATOR, "*");

    @LocalServerPort
    int port;

    @Autowired
    ApiAccessPolicy policy;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    final HttpClient http = HttpClient.newHttpClient();

    Api admin;

    @BeforeEach
    void patientsAtBostonAndDenver() {
        // invoices raised without a day of service take today's: inside the 2026 periods asked for below
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        admin = new Api(port);
        for (String site : List.of("bos", "den", "pdx")) {
            TestEvents.publish(
                    kafka,
                    new SiteUpdated(site, site, "America/Denver", "USD", 4, List.of(), true, NOW),
                    "evt_sec_site_" + site);
            TestEvents.publish(
                    kafka,
                    new ConsultationRequested(
                            "req_sec_" + site,
                            "p_sec_" + site,
                            site,
                            Condition.ANXIETY,
                            ReferralSource.SELF,
                            PayerType.SELF_PAY,
                            false,
                            NOW),
                    "evt_sec_req_" + site);
        }
        await().until(() -> List.of("bos", "den", "pdx").stream()
                .allMatch(site -> admin.get("/api/patients/p_sec_" + site + "/account")
                                        .status()
                                == 200
                        && admin.get("/api/sites/" + site + "/fee-schedule").status() == 200));
    }

    String issuedInvoice(String site) {
        String id = admin.post(
                        "/api/invoices",
                        Map.of(
                                "patientId",
                                "p_sec_" + site,
                                "siteId",
                                site,
                                "lines",
                                List.of(Map.of(
                                        "code",
                                        "96365",
                                        "description",
                                        "IV infusion",
                                        "units",
                                        1,
                                        "unitPrice",
                                        "100.00"))))
                .get("id");
        assertThat(admin.post("/api/invoices/" + id + "/issue", Map.of()).status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void everyEndpointRefusesMissingBadAndWrongRoleTokens() throws Exception {
        var endpoints = EndpointSecurityContract.endpoints(mapping);
        assertThat(endpoints)
                .extracting(EndpointSecurityContract.Endpoint::pattern)
                .contains(
                        "/api/invoices/{id}/void",
                        "/api/patients/{patientId}/superbill",
                        "/api/sites/{siteId}/fee-schedule",
                        "/",
                        "/invoices/{id}",
                        "/sites/{siteId}/fee-schedule",
                        "/api/audit");

        // A page form post without any token or session is refused by the CSRF check (403) before
        // sign-in is asked for; it is checked below with that one difference.
        List<EndpointSecurityContract.Endpoint> forms = endpoints.stream()
                .filter(e -> e.method() == HttpMethod.POST && !e.pattern().startsWith("/api/"))
                .toList();
        assertThat(forms).hasSize(5);
        new EndpointSecurityContract(port, policy)
                .verify(endpoints.stream().filter(e -> !forms.contains(e)).toList());

        List<String> wrong = new ArrayList<>();
        for (var form : forms) {
            String path = form.pattern().replaceAll("\\{[^}]+}", "probe-404");
            expect(wrong, path, null, Set.of(401, 403));
            for (String bad : List.of(TestTokens.expired(), TestTokens.tampered(), TestTokens.signedByStranger())) {
                expect(wrong, path, bad, Set.of(401));
            }
            for (Role role : Role.values()) {
                int status = form(path, "", TestTokens.of("probe", role, "*")).statusCode();
                boolean admitted = policy.admits(HttpMethod.POST, path, Set.of(role));
                if (admitted == (status == 401 || status == 403)) {
                    wrong.add(path + " as " + role + ": admitted " + admitted + ", got " + status);
                }
            }
        }
        assertThat(wrong).as("page forms answering wrongly").isEmpty();
    }

    private void expect(List<String> wrong, String path, String token, Set<Integer> expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (!expected.contains(status)) {
            wrong.add(path + (token == null ? " without a token" : " with a bad token") + ": got " + status);
        }
    }

    @Test
    void aNurseCannotVoidAnInvoiceNorReadOne() throws Exception {
        String id = issuedInvoice("bos");

        assertThat(send("POST", "/api/invoices/" + id + "/void", "{\"reason\":\"mistake\"}", NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/invoices/" + id, "", NURSE_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/invoices/" + id, "", TestTokens.of("clinician-bos", Role.CLINICIAN, "bos"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/patients/p_sec_bos/account", "", TestTokens.of("intake-bos", Role.INTAKE, "bos"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/api/invoices/" + id).<String>get("status")).isEqualTo("ISSUED");
    }

    @Test
    void billingStaffOfTheSiteVoidAndPayAndTheirNameGoesIntoTheHistory() throws Exception {
        String paid = issuedInvoice("bos");
        String voided = issuedInvoice("bos");

        var payment = send(
                "POST",
                "/api/invoices/" + paid + "/payments",
                "{\"amount\":\"40.00\",\"method\":\"CARD\"}",
                BILLING_BOS);
        var voiding = send("POST", "/api/invoices/" + voided + "/void", "{\"reason\":\"duplicate\"}", BILLING_BOS);

        assertThat(payment.statusCode()).isEqualTo(200);
        assertThat(payment.body()).contains("\"by\":\"billing-bos\"").contains("\"balance\":\"60.00\"");
        assertThat(voiding.statusCode()).isEqualTo(200);
        assertThat(voiding.body()).contains("\"status\":\"VOID\"");
    }

    @Test
    void billingStaffNeverReadOrChangeAnotherSitesInvoices() throws Exception {
        String den = issuedInvoice("den");

        assertThat(send("GET", "/api/invoices/" + den, "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        for (String action : List.of("issue", "payments", "refunds", "void", "payment-plan", "assistance")) {
            String body = switch (action) {
                case "payments" -> "{\"amount\":\"10.00\",\"method\":\"CASH\"}";
                case "refunds" -> "{\"amount\":\"10.00\",\"reason\":\"x\"}";
                case "void" -> "{\"reason\":\"x\"}";
                case "payment-plan" -> "{\"instalments\":2,\"firstDueDate\":\"2026-04-01\",\"intervalDays\":30}";
                default -> "{}";
            };
            assertThat(send("POST", "/api/invoices/" + den + "/" + action, body, BILLING_BOS)
                            .statusCode())
                    .as(action)
                    .isEqualTo(403);
        }
        var draft = send(
                "POST",
                "/api/invoices",
                "{\"patientId\":\"p_sec_den\",\"siteId\":\"den\",\"lines\":[{\"code\":\"X\",\"description\":\"x\","
                        + "\"units\":1,\"unitPrice\":\"1.00\"}]}",
                BILLING_BOS);
        assertThat(draft.statusCode()).isEqualTo(403);
        var unchanged = admin.get("/api/invoices/" + den);
        assertThat(unchanged.<String>get("status")).isEqualTo("ISSUED");
        assertThat(unchanged.<String>get("paid")).isEqualTo("0.00");
    }

    @Test
    void invoiceListsShowOnlyTheUsersSitesAndRefuseAnotherSiteAskedFor() throws Exception {
        String bos = issuedInvoice("bos");
        String den = issuedInvoice("den");
        String pdx = issuedInvoice("pdx");

        assertThat(send("GET", "/api/invoices?size=100", "", BILLING_BOS).body())
                .contains(bos)
                .doesNotContain(den, pdx, "\"siteId\":\"den\"", "\"siteId\":\"pdx\"");
        assertThat(send("GET", "/api/invoices?siteId=den", "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/invoices?patientId=p_sec_den", "", BILLING_BOS)
                        .body())
                .doesNotContain(den);
        assertThat(send("GET", "/api/invoices?size=100", "", BILLING_MULTI).body())
                .contains(bos, den)
                .doesNotContain(pdx, "\"siteId\":\"pdx\"");
        assertThat(send("GET", "/api/invoices/" + pdx, "", BILLING_MULTI).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPatientsAccountSuperbillDecisionsAndPackagesStayWithTheirSite() throws Exception {
        String den = "/api/patients/p_sec_den";
        String decision = "{\"householdSize\":2,\"householdIncome\":\"20000.00\","
                + "\"effectiveFrom\":\"2026-01-01\",\"effectiveTo\":\"2026-12-31\"}";

        assertThat(send("GET", den + "/account", "", BILLING_BOS).statusCode()).isEqualTo(403);
        assertThat(send("GET", den + "/superbill?from=2026-01-01&to=2026-12-31", "", BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", den + "/assistance-decisions", "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", den + "/assistance-decisions", decision, BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", den + "/series-packages", "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                den + "/series-packages",
                                "{\"siteId\":\"den\",\"sessions\":6,\"price\":\"1800.00\"}",
                                BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        // recording a bos decision or package for a den patient is changing den's data too
        assertThat(send(
                                "POST",
                                den + "/series-packages",
                                "{\"siteId\":\"bos\",\"sessions\":6,\"price\":\"1800.00\"}",
                                BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);

        assertThat(send("GET", den + "/account", "", BILLING_MULTI).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", den + "/assistance-decisions", decision, BILLING_MULTI)
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("GET", "/api/patients/p_sec_pdx/account", "", BILLING_MULTI)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void siteSettingsAreReadByTheSitesStaffAndChangedByOperatorsNotBillingStaff() throws Exception {
        String schedule = "{\"items\":[{\"code\":\"96365\",\"description\":\"IV infusion\",\"unitPrice\":\"450.00\"}]}";
        String tiers = "{\"tiers\":[{\"name\":\"A\",\"maxPercentOfGuideline\":100,\"discountPercent\":75}]}";

        assertThat(send("GET", "/api/sites/bos/fee-schedule", "", BILLING_BOS).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/sites/den/fee-schedule", "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/sites/den/assistance-policy", "", BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/sites/bos/fee-schedule", schedule, BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/sites/bos/assistance-policy", tiers, BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);

        assertThat(send("GET", "/api/sites/den/fee-schedule", "", OPERATOR).statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/sites/pdx/fee-schedule", schedule, OPERATOR)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/sites/pdx/assistance-policy", tiers, OPERATOR)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/sites/pdx/fee-schedule", schedule, TestTokens.of("ops-bos", Role.OPERATOR, "bos"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anOperatorSeesNoPatientsInvoicesAccountOrSuperbill() throws Exception {
        String id = issuedInvoice("bos");

        assertThat(send("GET", "/api/invoices", "", OPERATOR).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/invoices/" + id, "", OPERATOR).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/patients/p_sec_bos/account", "", OPERATOR).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/patients/p_sec_bos/superbill?from=2026-01-01&to=2026-12-31", "", OPERATOR)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theStaffDeskPagesRefuseAnotherSitesInvoicePatientAndFeeSchedule() throws Exception {
        String den = issuedInvoice("den");
        String bos = issuedInvoice("bos");

        assertThat(send("GET", "/", "", BILLING_BOS).body()).contains(bos).doesNotContain(den);
        assertThat(send("GET", "/invoices/" + bos, "", BILLING_BOS).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/patients/p_sec_bos/superbill?from=2026-01-01&to=2026-12-31", "", BILLING_BOS)
                        .headers()
                        .firstValue("Content-Type"))
                .hasValue("application/pdf");
        assertThat(send("GET", "/invoices/" + den, "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/patients/p_sec_den", "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/patients/p_sec_den/superbill?from=2026-01-01&to=2026-12-31", "", BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/sites/den/fee-schedule", "", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(form("/invoices/" + den + "/payments", "amount=10&method=CASH", BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(form("/invoices/" + den + "/void", "reason=x", BILLING_BOS).statusCode())
                .isEqualTo(403);
        assertThat(form("/invoices/" + bos + "/void", "reason=x", NURSE_BOS).statusCode())
                .isEqualTo(403);
        assertThat(form("/sites/bos/fee-schedule", "code=X&description=x&unitPrice=1", BILLING_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/api/invoices/" + den).<String>get("status")).isEqualTo("ISSUED");
        assertThat(admin.get("/api/invoices/" + bos).<String>get("status")).isEqualTo("ISSUED");
    }

    @Test
    void readsChangesAndRefusalsAreInTheAuditTrail() throws Exception {
        String bos = issuedInvoice("bos");
        String den = issuedInvoice("den");
        String auditor = TestTokens.of("audit-billing", Role.BILLING, "bos");
        String nurse = TestTokens.of("audit-nurse", Role.NURSE, "bos");

        send("GET", "/api/invoices/" + bos, "", auditor);
        send("POST", "/api/invoices/" + bos + "/payments", "{\"amount\":\"10.00\",\"method\":\"CASH\"}", auditor);
        send("GET", "/api/invoices/" + den, "", auditor);
        send("POST", "/api/invoices/" + bos + "/void", "{\"reason\":\"x\"}", nurse);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries("audit-billing")).hasSize(3));
        assertThat(entries("audit-billing"))
                .extracting(
                        AuditRecord::action,
                        AuditRecord::site,
                        AuditRecord::object,
                        AuditRecord::patientId,
                        AuditRecord::outcome)
                .containsExactlyInAnyOrder(
                        tuple("get", "bos", "invoices/" + bos, "p_sec_bos", Outcome.SUCCESS),
                        tuple("pay", "bos", "invoices/" + bos, "p_sec_bos", Outcome.SUCCESS),
                        tuple("get", "den", "invoices/" + den, "p_sec_den", Outcome.DENIED));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries("audit-nurse"))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
                            assertThat(e.roles()).containsExactly("NURSE");
                            assertThat(e.object()).isEqualTo("invoices/" + bos + "/void");
                        }));

        var byAdmin = send("GET", "/api/audit?actor=audit-billing&outcome=DENIED", "", TestTokens.admin());
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(byAdmin.body()).contains("\"totalElements\":1").contains(den);
        assertThat(send("GET", "/api/audit", "", BILLING_BOS).statusCode()).isEqualTo(403);
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private HttpResponse<String> form(String path, String body, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", TestTokens.bearer(token))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", path.contains("/superbill") ? "application/pdf" : "application/json")
                .header("Authorization", TestTokens.bearer(token))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
