package org.clinicops.billing.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.platform.fhir.FhirParams.fhirId;
import static org.clinicops.platform.test.FhirAnswers.assertOutcome;
import static org.clinicops.platform.test.FhirAnswers.parseBundle;
import static org.clinicops.platform.test.FhirAnswers.subject;
import static org.clinicops.platform.test.FhirAnswers.subjects;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.FhirConformance;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Issue 22: billing's FHIR R4 read API (Account, ChargeItem, Invoice) under the API's rules (BILLING
 * and ADMIN, sites, audit), with invoices at two sites, and its export sources.
 */
@ServiceIntegrationTest
class BillingFhirTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");
    static final String BILLING_A = TestTokens.of("fhir-billing-a", Role.BILLING, "fb_a");
    static final String BILLING_B = TestTokens.of("fhir-billing-b", Role.BILLING, "fb_b");
    static final String NURSE_A = TestTokens.of("fhir-nurse-a", Role.NURSE, "fb_a");
    static final String OPERATOR_A = TestTokens.of("fhir-operator-a", Role.OPERATOR, "fb_a");
    static final AtomicInteger RUNS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    List<FhirExportSource> exportSources;

    final HttpClient http = HttpClient.newHttpClient();

    /** A patient at each site with an issued invoice; at A also a voided one. */
    record Billed(String patientA, String patientB, String invoiceA, String voidedA, String invoiceB) {}

    @BeforeEach
    void clock() {
        clock.set(NOW.plusSeconds(300));
    }

    Billed billed() {
        int run = RUNS.incrementAndGet();
        String patientA = "p_fba-" + run;
        String patientB = "p_fbb-" + run;
        request("req_fba-" + run, patientA, "fb_a");
        request("req_fbb-" + run, patientB, "fb_b");
        Api admin = new Api(port);
        await().until(() -> admin.get("/api/patients/" + patientA + "/account").status() == 200
                && admin.get("/api/patients/" + patientB + "/account").status() == 200);
        String invoiceA = issued(patientA, "fb_a", BILLING_A);
        String invoiceB = issued(patientB, "fb_b", BILLING_B);
        String voidedA = draft(patientA, "fb_a", BILLING_A);
        assertThat(new Api(port, BILLING_A)
                        .post("/api/invoices/" + voidedA + "/void", Map.of("reason", "entered twice"))
                        .status())
                .isEqualTo(200);
        return new Billed(patientA, patientB, invoiceA, voidedA, invoiceB);
    }

    @Test
    void anInvoiceIsReadWithMoneyTotalsAndLinesReferencingChargeItemsAndItsAccount() throws Exception {
        Billed billed = billed();
        HttpResponse<String> read = get("/fhir/r4/Invoice/" + fhirId(billed.invoiceA()), BILLING_A);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        Invoice invoice = FhirConformance.parse(read.body(), Invoice.class);
        assertThat(invoice.getStatus()).isEqualTo(Invoice.InvoiceStatus.ISSUED);
        assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo(new BigDecimal("485.50"));
        assertThat(invoice.getTotalGross().getValue()).isEqualByComparingTo(new BigDecimal("485.50"));
        assertThat(invoice.getTotalNet().getCurrency()).isEqualTo("USD");
        assertThat(invoice.getSubject().getReference()).isEqualTo("Patient/" + fhirId(billed.patientA()));
        assertThat(invoice.getLineItem()).hasSize(2);
        assertThat(read.body()).doesNotContain("entered twice", "fhir-billing-a");

        List<ChargeItem> charges = new ArrayList<>();
        for (Invoice.InvoiceLineItemComponent line : invoice.getLineItem()) {
            HttpResponse<String> charge =
                    get("/fhir/r4/" + line.getChargeItemReference().getReference(), BILLING_A);
            assertThat(charge.statusCode()).as(charge.body()).isEqualTo(200);
            charges.add(FhirConformance.parse(charge.body(), ChargeItem.class));
        }
        assertThat(charges.get(0).getCode().getCodingFirstRep().getSystem())
                .isEqualTo("http://www.ama-assn.org/go/cpt");
        assertThat(charges.get(0).getCode().getCodingFirstRep().getCode()).isEqualTo("96365");
        assertThat(charges.get(0).getPriceOverride().getValue()).isEqualByComparingTo(new BigDecimal("450.00"));
        assertThat(charges.get(0).getPriceOverride().getCurrency()).isEqualTo("USD");
        assertThat(charges.get(0).getStatus()).isEqualTo(ChargeItem.ChargeItemStatus.BILLED);
        assertThat(charges.get(1).getCode().getCodingFirstRep().getSystem())
                .isEqualTo("urn:oid:2.16.840.1.113883.6.285");
        assertThat(charges.get(1).getQuantity().getValue()).isEqualByComparingTo(BigDecimal.ONE);

        HttpResponse<String> account = get("/fhir/r4/" + invoice.getAccount().getReference(), BILLING_A);
        assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
        Account acc = FhirConformance.parse(account.body(), Account.class);
        assertThat(acc.getIdentifierFirstRep().getValue()).isEqualTo(billed.patientA() + "@fb_a");
        assertThat(acc.getStatus()).isEqualTo(Account.AccountStatus.ACTIVE);

        Invoice voided = FhirConformance.parse(
                get("/fhir/r4/Invoice/" + fhirId(billed.voidedA()), BILLING_A).body(), Invoice.class);
        assertThat(voided.getStatus()).isEqualTo(Invoice.InvoiceStatus.CANCELLED);

        List<AuditRecord> audited = mongo.find(
                Query.query(Criteria.where("actor")
                        .is("fhir-billing-a")
                        .and("patientId")
                        .is(billed.patientA())),
                AuditRecord.class,
                AuditTrail.COLLECTION);
        assertThat(audited).anySatisfy(entry -> {
            assertThat(entry.object()).isEqualTo("Invoice/" + billed.invoiceA());
            assertThat(entry.site()).isEqualTo("fb_a");
        });
    }

    @Test
    void searchesArePagedAndFilterByPatientDateAndStatus() throws Exception {
        Billed billed = billed();
        String patient = "patient=Patient/" + fhirId(billed.patientA());
        Bundle invoices = parseBundle(get("/fhir/r4/Invoice?" + patient + "&_count=1", BILLING_A));
        assertThat(invoices.getTotal()).isEqualTo(2);
        assertThat(invoices.getEntry()).hasSize(1);
        assertThat(invoices.getLink("next").getUrl()).contains("_page=2");
        Bundle cancelled = parseBundle(get("/fhir/r4/Invoice?" + patient + "&status=cancelled", BILLING_A));
        assertThat(cancelled.getTotal()).isEqualTo(1);
        assertThat(((Invoice) cancelled.getEntryFirstRep().getResource()).getIdPart())
                .isEqualTo(fhirId(billed.voidedA()));
        Bundle today = parseBundle(get("/fhir/r4/Invoice?" + patient + "&date=ge2026-03-16", BILLING_A));
        assertThat(today.getTotal()).isEqualTo(2);
        Bundle earlier = parseBundle(get("/fhir/r4/Invoice?" + patient + "&date=lt2026-03-16", BILLING_A));
        assertThat(earlier.getTotal()).isZero();

        Bundle charges = parseBundle(get("/fhir/r4/ChargeItem?" + patient + "&status=billed", BILLING_A));
        assertThat(charges.getEntry())
                .extracting(e -> ((ChargeItem) e.getResource())
                        .getCode()
                        .getCodingFirstRep()
                        .getCode())
                .containsExactly("96365", "J3490");
        Bundle aborted = parseBundle(get("/fhir/r4/ChargeItem?" + patient + "&status=aborted", BILLING_A));
        assertThat(aborted.getEntry()).hasSize(1);
        assertThat(((ChargeItem) aborted.getEntryFirstRep().getResource())
                        .getCode()
                        .getCodingFirstRep()
                        .getSystem())
                .isEqualTo("https://clinicops.org/fhir/CodeSystem/fee-code");

        Bundle accounts = parseBundle(get("/fhir/r4/Account?" + patient, BILLING_A));
        assertThat(accounts.getTotal()).isEqualTo(1);
        assertThat(parseBundle(get("/fhir/r4/Account?" + patient + "&status=inactive", BILLING_A))
                        .getEntry())
                .isEmpty();
    }

    @Test
    void aCallerOfOneSiteNeverSeesAnotherSitesResources() throws Exception {
        Billed billed = billed();
        assertOutcome(
                get("/fhir/r4/Invoice/" + fhirId(billed.invoiceA()), BILLING_B),
                403,
                OperationOutcome.IssueType.FORBIDDEN);
        assertOutcome(
                get("/fhir/r4/ChargeItem/" + fhirId(billed.invoiceA()) + "-1", BILLING_B),
                403,
                OperationOutcome.IssueType.FORBIDDEN);
        assertOutcome(
                get("/fhir/r4/Account/" + fhirId(billed.patientA()) + ".at.fb.a", BILLING_B),
                403,
                OperationOutcome.IssueType.FORBIDDEN);
        for (String type : List.of("Invoice", "ChargeItem", "Account")) {
            Bundle atB = parseBundle(get("/fhir/r4/" + type + "?_count=100", BILLING_B));
            assertThat(subjects(atB)).as(type).contains(billed.patientB()).doesNotContain(billed.patientA());
            Bundle atA = parseBundle(get("/fhir/r4/" + type + "?_count=100", BILLING_A));
            assertThat(subjects(atA)).as(type).contains(billed.patientA()).doesNotContain(billed.patientB());
            Bundle asked =
                    parseBundle(get("/fhir/r4/" + type + "?patient=Patient/" + fhirId(billed.patientA()), BILLING_B));
            assertThat(asked.getEntry()).as(type).isEmpty();
        }
    }

    @Test
    void refusalsAndBadSearchesAreOperationOutcomes() throws Exception {
        for (String token : List.of(NURSE_A, OPERATOR_A)) {
            assertOutcome(get("/fhir/r4/Invoice", token), 403, OperationOutcome.IssueType.FORBIDDEN);
            assertOutcome(get("/fhir/r4/ChargeItem/inv.x-1", token), 403, OperationOutcome.IssueType.FORBIDDEN);
            assertOutcome(get("/fhir/r4/Account", token), 403, OperationOutcome.IssueType.FORBIDDEN);
        }
        assertOutcome(get("/fhir/r4/Invoice", null), 401, OperationOutcome.IssueType.LOGIN);
        assertOutcome(get("/fhir/r4/Invoice?status=paid", BILLING_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/ChargeItem?date=soon", BILLING_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/Account?patient=p_1", BILLING_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/Invoice/inv.nothing", BILLING_A), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/r4/ChargeItem/inv.nothing", BILLING_A), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/r4/Account/p.nobody.at.fb.a", BILLING_A), 404, OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void theCapabilityStatementListsWhatBillingServes() throws Exception {
        HttpResponse<String> metadata = get("/fhir/r4/metadata", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement statement = FhirConformance.parse(metadata.body(), CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .containsExactly("Account", "ChargeItem", "Invoice");
    }

    @Test
    void theExportSourcesWriteOnlyTheScopesSitesWithLastUpdated() {
        Billed billed = billed();
        assertThat(exportSources)
                .extracting(FhirExportSource::type)
                .containsExactlyInAnyOrder("Account", "ChargeItem", "Invoice");
        FhirExportScope siteA = new FhirExportScope(Set.of("fb_a"), null, NOW.plusSeconds(3600), false);
        List<Resource> written = new ArrayList<>();
        exportSources.forEach(source -> source.export(siteA, resource -> {
            assertThat(resource.fhirType()).isEqualTo(source.type());
            written.add(resource);
        }));
        String patientA = "Patient/" + fhirId(billed.patientA());
        assertThat(written)
                .filteredOn(r -> patientA.equals(subject(r)))
                .extracting(Resource::fhirType)
                .containsExactlyInAnyOrder("Account", "Invoice", "Invoice", "ChargeItem", "ChargeItem", "ChargeItem");
        assertThat(written).noneMatch(r -> subject(r).startsWith("Patient/p.fbb"));
        assertThat(written).allSatisfy(r -> {
            assertThat(r.getMeta().getLastUpdated()).isNotNull();
            FhirConformance.assertConforms(r);
        });
        List<Resource> later = new ArrayList<>();
        exportSources.forEach(source -> source.export(
                new FhirExportScope(Set.of("fb_a"), NOW.plusSeconds(3600), NOW.plusSeconds(7200), false), later::add));
        assertThat(later).isEmpty();
    }

    private void request(String requestId, String patientId, String site) {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        requestId,
                        patientId,
                        site,
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        NOW),
                "evt_" + requestId);
    }

    private String draft(String patientId, String siteId, String token) {
        Api.Answer created = new Api(port, token)
                .post(
                        "/api/invoices",
                        Map.of(
                                "patientId",
                                patientId,
                                "siteId",
                                siteId,
                                "lines",
                                List.of(Map.of(
                                        "code",
                                        "NO-SHOW",
                                        "description",
                                        "No-show fee",
                                        "units",
                                        1,
                                        "unitPrice",
                                        "50.00"))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.get("id");
    }

    private String issued(String patientId, String siteId, String token) {
        Api api = new Api(port, token);
        Api.Answer created = api.post(
                "/api/invoices",
                Map.of(
                        "patientId",
                        patientId,
                        "siteId",
                        siteId,
                        "lines",
                        List.of(
                                Map.of(
                                        "code",
                                        "96365",
                                        "description",
                                        "IV infusion, first hour",
                                        "units",
                                        1,
                                        "unitPrice",
                                        "450.00"),
                                Map.of(
                                        "code",
                                        "J3490",
                                        "description",
                                        "Ketamine (unclassified drug)",
                                        "units",
                                        1,
                                        "unitPrice",
                                        "35.50"))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String id = created.get("id");
        assertThat(api.post("/api/invoices/" + id + "/issue", Map.of()).status())
                .isEqualTo(200);
        return id;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
