package org.clinicops.billing.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.billing.accounts.adapter.mongo.MongoAccounts;
import org.clinicops.billing.accounts.application.PatientAccounts;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** One account per (patient, site): a request at a second site never moves or changes the first. */
@ServiceIntegrationTest
class AccountsPerSiteTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");
    static final String BILLING_BOS = TestTokens.of("billing-bos", Role.BILLING, "bos");
    static final String BILLING_DEN = TestTokens.of("billing-den", Role.BILLING, "den");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PatientAccounts accounts;

    @Autowired
    MongoAccounts storedAccounts;

    @Autowired
    TestClock clock;

    Api admin;

    @BeforeEach
    void bostonAndDenver() {
        clock.set(NOW.plusSeconds(300));
        admin = new Api(port);
        for (String site : List.of("bos", "den")) {
            TestEvents.publish(
                    kafka,
                    new SiteUpdated(site, site, "America/Denver", "USD", 4, List.of(), true, NOW),
                    "evt_aps_site_" + site);
        }
        await().until(() -> admin.get("/api/sites/den/fee-schedule").status() == 200
                && admin.get("/api/sites/bos/fee-schedule").status() == 200);
    }

    @Test
    void aRequestAtASecondSiteOpensASecondAccountAndLeavesTheFirstAsItWas() {
        request("req_aps_1", "p_aps_two", "bos", Condition.ANXIETY, PayerType.SELF_PAY);
        await().until(() -> admin.get("/api/patients/p_aps_two/account").status() == 200);
        String invoice = admin.post(
                        "/api/invoices",
                        Map.of(
                                "patientId",
                                "p_aps_two",
                                "siteId",
                                "bos",
                                "lines",
                                List.of(Map.of("code", "X", "description", "x", "units", 1, "unitPrice", "100.00"))))
                .get("id");
        admin.post("/api/invoices/" + invoice + "/issue", Map.of());

        request("req_aps_2", "p_aps_two", "den", Condition.PTSD, PayerType.INSURANCE);
        await().until(() ->
                admin.get("/api/patients/p_aps_two/account?siteId=den").status() == 200);

        Api.Answer bos = new Api(port, BILLING_BOS).get("/api/patients/p_aps_two/account");
        assertThat(bos.status()).isEqualTo(200);
        assertThat(bos.body())
                .containsEntry("siteId", "bos")
                .containsEntry("condition", "ANXIETY")
                .containsEntry("payerType", "SELF_PAY")
                .containsEntry("balance", "100.00")
                .containsEntry("openInvoices", 1);
        assertThat(bos.<List<Map<String, Object>>>get("accounts"))
                .extracting(a -> a.get("siteId"))
                .containsExactly("bos");

        Api.Answer den = new Api(port, BILLING_DEN).get("/api/patients/p_aps_two/account");
        assertThat(den.status()).isEqualTo(200);
        assertThat(den.body())
                .containsEntry("siteId", "den")
                .containsEntry("condition", "PTSD")
                .containsEntry("payerType", "INSURANCE")
                .containsEntry("balance", "0.00");
        assertThat(new Api(port, BILLING_DEN)
                        .get("/api/patients/p_aps_two/account?siteId=bos")
                        .status())
                .isEqualTo(403);

        assertThat(admin.get("/api/patients/p_aps_two/account").<List<Map<String, Object>>>get("accounts"))
                .extracting(a -> a.get("siteId"), a -> a.get("id"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bos", "p_aps_two@bos"),
                        org.assertj.core.groups.Tuple.tuple("den", "p_aps_two@den"));

        // the staff desk: one page per account, linking the patient's accounts at the user's other sites
        String both = TestTokens.of("billing-both", List.of(Role.BILLING), List.of("bos", "den"));
        String bosPage = page(both, "/patients/p_aps_two");
        assertThat(bosPage).contains("ANXIETY").contains("/patients/p_aps_two?siteId=den");
        assertThat(page(both, "/patients/p_aps_two?siteId=den"))
                .contains("PTSD")
                .contains("/patients/p_aps_two?siteId=bos");
        assertThat(page(BILLING_BOS, "/patients/p_aps_two")).doesNotContain("siteId=den");
    }

    private String page(String token, String path) {
        return Api.rest(port, token).get().uri(path).retrieve().body(String.class);
    }

    @Test
    void anAccountStoredBeforeAccountsWerePerSiteIsReadAtItsSiteAndKeptThere() {
        mongo.getCollection("accounts")
                .insertOne(new Document("_id", "p_aps_legacy")
                        .append("siteId", "bos")
                        .append("payerType", "SELF_PAY")
                        .append("condition", "ANXIETY")
                        .append("openedAt", Date.from(NOW)));

        storedAccounts.migrateSingleAccounts();
        storedAccounts.migrateSingleAccounts(); // twice changes nothing

        assertThat(accounts.of("p_aps_legacy")).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("p_aps_legacy@bos");
            assertThat(a.siteId()).isEqualTo("bos");
            assertThat(a.condition()).isEqualTo(Condition.ANXIETY);
            assertThat(a.openedAt()).isEqualTo(NOW);
        });
        request("req_aps_legacy", "p_aps_legacy", "den", Condition.PTSD, PayerType.INSURANCE);
        await().until(() -> accounts.of("p_aps_legacy").size() == 2);
        assertThat(new Api(port, BILLING_BOS)
                        .get("/api/patients/p_aps_legacy/account")
                        .body())
                .containsEntry("siteId", "bos")
                .containsEntry("condition", "ANXIETY");
    }

    /**
     * The account's handlers keep no processed_events entry: a repeated or late event must change
     * nothing, whichever order the request and the plan arrive in.
     */
    @Test
    void aRepeatedOrOlderEventLeavesTheAccountAsTheNewestEventSetIt() {
        assertThat(storedAccounts.openOrUpdate(
                        "p_aps_order", "bos", PayerType.SELF_PAY, Condition.ANXIETY, NOW.plusSeconds(60)))
                .as("opened")
                .isTrue();
        assertThat(storedAccounts.openOrUpdate(
                        "p_aps_order", "bos", PayerType.INSURANCE, Condition.PTSD, NOW.plusSeconds(120)))
                .as("a newer event sets it")
                .isTrue();
        assertThat(storedAccounts.openOrUpdate("p_aps_order", "bos", PayerType.SELF_PAY, Condition.ANXIETY, NOW))
                .as("an older event delivered late")
                .isFalse();
        storedAccounts.openOrUpdate("p_aps_order", "bos", PayerType.INSURANCE, Condition.PTSD, NOW.plusSeconds(120));

        assertThat(accounts.of("p_aps_order")).singleElement().satisfies(a -> {
            assertThat(a.payerType()).isEqualTo(PayerType.INSURANCE);
            assertThat(a.condition()).isEqualTo(Condition.PTSD);
            assertThat(a.openedAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(mongo.getCollection("processed_events")
                        .countDocuments(new Document(
                                "_id", java.util.regex.Pattern.compile("^(consultation-requested|treatment-plan)"))))
                .isZero();
    }

    /** The request and the plan of a new patient applied at the same moment: the newer one's values stay. */
    @Test
    void aRequestAndAPlanAppliedAtOnceLeaveTheNewerValues() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int n = 0; n < 40; n++) {
                String patient = "p_aps_race_" + n;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var older = pool.submit(() -> {
                    together.await();
                    return storedAccounts.openOrUpdate(patient, "bos", PayerType.SELF_PAY, Condition.ANXIETY, NOW);
                });
                var newer = pool.submit(() -> {
                    together.await();
                    return storedAccounts.openOrUpdate(
                            patient, "bos", PayerType.INSURANCE, Condition.PTSD, NOW.plusSeconds(1));
                });
                assertThat(newer.get()).as("the newer event is never dropped").isTrue();
                older.get();
                assertThat(accounts.find(patient, "bos")).hasValueSatisfying(a -> {
                    assertThat(a.payerType()).isEqualTo(PayerType.INSURANCE);
                    assertThat(a.condition()).isEqualTo(Condition.PTSD);
                });
            }
        } finally {
            pool.shutdown();
        }
    }

    private void request(String requestId, String patientId, String site, Condition condition, PayerType payer) {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        requestId, patientId, site, condition, ReferralSource.SELF, payer, false, NOW),
                "evt_" + requestId);
    }
}
