package org.clinicops.monitoring.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clinicops.events.ControlledSubstanceDiscrepancy;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.Route;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.register.application.CheckRegister;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A week of the register at two sites, every figure computed by hand below (issue 21's "done when").
 *
 * <pre>
 * wk_bos, lot KT-WK1: ketamine 50 mg/mL x 10 mL = 500 mg a vial, 4 vials received Monday = 2000 mg
 *   Mon s1  drawn 40,   completed 38.5, wasted 1.5 (witness)    reconciled  balance 1960
 *   Tue s2  drawn 35,   completed 35                            reconciled  balance 1925
 *   Wed s3  drawn 40,   STOPPED early at 14.5, wasted 25.5      reconciled  balance 1885
 *   Thu     a vial broken: 500 wasted from stock (witness, reason)          balance 1385
 *   Thu s4  drawn 42,   completed 42                            reconciled  balance 1343
 *   Fri     count 1338: 5 mg missing -> COUNT_DIFFERENCE discrepancy, unaccounted 5
 *   totals  received 2000, drawn 157, administered 130, wasted 527 (1.5 + 25.5 + 500)
 *   30 days: used 657 (157 drawn + 500 from stock); days of supply 1343 x 30 / 657 = 61.3;
 *            waste ratio 527 / 657
 *   a clinician writes the 5 mg off: balance 1338, nothing open
 * wk_den, lot ES-WK1: esketamine 28 mg devices, 20 received = 560 mg
 *   Mon d1  drawn 56 (2 devices), completed 56                  balance 504
 *   Tue d2  drawn 84 (3 devices), completed 84                  balance 420 = 15 devices
 *   Fri     count 420: no discrepancy
 * </pre>
 */
@ServiceIntegrationTest
class RegisterWeekIntegrationTest {

    static final String BOS = "wk_bos";
    static final String DEN = "wk_den";
    static final String NURSE_BOS = TestTokens.of("nurse-wk-bos", Role.NURSE, BOS);
    static final String CLINICIAN_BOS = TestTokens.of("clinician-wk-bos", Role.CLINICIAN, BOS);
    static final String NURSE_DEN = TestTokens.of("nurse-wk-den", Role.NURSE, DEN);
    static final String CLINICIAN_DEN = TestTokens.of("clinician-wk-den", Role.CLINICIAN, DEN);
    static final String OPERATOR = TestTokens.of("operator-wk", Role.OPERATOR, "*");
    static final String BILLING = TestTokens.of("billing-wk", Role.BILLING, BOS);

    /** Monday of the test week, 09:00 UTC (the sites are unknown to monitoring: their zone is UTC). */
    static final Instant MONDAY = Instant.parse("2026-03-16T09:00:00Z");

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
    RegisterQueries queries;

    @Autowired
    CheckRegister check;

    @Test
    void aWeekAtTwoSitesComesOutAsComputedByHand() throws Exception {
        RegisterClient api = new RegisterClient(port, new BookedSessions(kafka, sessions), queries);
        clock.set(MONDAY.minus(Duration.ofHours(1)));

        // Monday: stock received at both sites
        JsonNode bosLot = RegisterClient.json(
                api.post("/api/register/" + BOS + "/receipts", NURSE_BOS, RegisterClient.ketamineReceipt("KT-WK1", 4)));
        String lotA = bosLot.at("/lot/lotId").asString();
        assertThat(bosLot.at("/lot/balanceMg").decimalValue()).isEqualByComparingTo("2000");
        assertThat(bosLot.at("/lot/unitsOnHand").decimalValue()).isEqualByComparingTo("4");
        assertThat(bosLot.at("/entry/recordedBy").asString()).isEqualTo("nurse-wk-bos");
        JsonNode denLot = RegisterClient.json(api.post(
                "/api/register/" + DEN + "/receipts", NURSE_DEN, RegisterClient.esketamineReceipt("ES-WK1", 20)));
        String lotB = denLot.at("/lot/lotId").asString();
        assertThat(denLot.at("/lot/balanceMg").decimalValue()).isEqualByComparingTo("560");

        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONTROLLED_SUBSTANCE_DISCREPANCY.topic())) {
            // Monday
            session(api, BOS, "wk_s1", "p_wk1", lotA, day(0), "40", "38.5", "1.5", false);
            session(api, DEN, "wk_d1", "p_wk5", lotB, day(0), "56", "56", null, false);
            // Tuesday
            session(api, BOS, "wk_s2", "p_wk2", lotA, day(1), "35", "35", null, false);
            session(api, DEN, "wk_d2", "p_wk6", lotB, day(1), "84", "84", null, false);
            // Wednesday: stopped early, the rest wasted
            session(api, BOS, "wk_s3", "p_wk3", lotA, day(2), "40", "14.5", "25.5", true);
            // Thursday: a vial broken, then a session
            clock.set(day(3).minus(Duration.ofHours(1)));
            var broken = api.post(
                    "/api/register/" + BOS + "/wastes",
                    NURSE_BOS,
                    CLINICIAN_BOS,
                    Map.of("lotId", lotA, "mg", 500, "reason", "vial dropped and broken while stocking"));
            assertThat(broken.getStatusCode().value()).as(broken.getBody()).isEqualTo(201);
            assertThat(RegisterClient.json(broken).at("/kind").asString()).isEqualTo("STOCK_WASTE");
            assertThat(RegisterClient.json(broken).at("/witness").asString()).isEqualTo("clinician-wk-bos");
            session(api, BOS, "wk_s4", "p_wk4", lotA, day(3), "42", "42", null, false);

            assertThat(balance(BOS, lotA)).isEqualByComparingTo("1343");
            assertThat(balance(DEN, lotB)).isEqualByComparingTo("420");

            // Friday close: the counts
            clock.set(day(4).plus(Duration.ofHours(9)));
            var bosCount =
                    api.post("/api/register/" + BOS + "/counts", NURSE_BOS, Map.of("lotId", lotA, "countedMg", 1338));
            assertThat(bosCount.getStatusCode().value()).isEqualTo(201);
            assertThat(RegisterClient.json(bosCount).at("/entry/expectedMg").decimalValue())
                    .isEqualByComparingTo("1343");
            String discrepancyId =
                    RegisterClient.json(bosCount).at("/discrepancyId").asString();
            assertThat(discrepancyId).isNotBlank();
            var denCount =
                    api.post("/api/register/" + DEN + "/counts", NURSE_DEN, Map.of("lotId", lotB, "countedMg", 420));
            assertThat(RegisterClient.json(denCount).at("/discrepancyId").isNull())
                    .isTrue();

            // the discrepancy's event: keyed by site, no patient identity, valid against the contract
            ConsumerRecord<String, byte[]> record = probe.await(r -> BOS.equals(r.key()));
            assertThat(EventSchemas.violations(EventType.CONTROLLED_SUBSTANCE_DISCREPANCY, record.value()))
                    .isEmpty();
            String body = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("p_wk").doesNotContain("patient").doesNotContain("session");
            var event = EventJson.read(record.value(), ControlledSubstanceDiscrepancy.class);
            assertThat(event.kind()).isEqualTo(ControlledSubstanceDiscrepancy.Kind.COUNT_DIFFERENCE);
            assertThat(event.lotId()).isEqualTo(lotA);
            assertThat(event.expectedMg()).isEqualByComparingTo("1343");
            assertThat(event.countedMg()).isEqualByComparingTo("1338");
            assertThat(event.unaccountedMg()).isEqualByComparingTo("5");
            assertThat(probe.matching(r -> DEN.equals(r.key()))).isEmpty();
        }

        // every session reconciled: the check 12 hours after the last one raises nothing
        clock.set(day(4).plus(Duration.ofHours(13)));
        assertThat(check.run()).isZero();

        // metrics: the open discrepancy (its alert fires on it), stock, days of supply, waste ratio
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(scrape())
                        .contains(
                                "clinic_register_discrepancies_open{application=\"monitoring-service\",kind=\"COUNT_DIFFERENCE\",site=\"wk_bos\"} 1.0")
                        .contains(
                                "clinic_register_stock_on_hand_mg{application=\"monitoring-service\",product=\"KETAMINE_HCL\",site=\"wk_bos\"} 1343.0")
                        .contains(
                                "clinic_register_days_of_supply{application=\"monitoring-service\",product=\"KETAMINE_HCL\",site=\"wk_bos\"} 61.3")
                        .contains(
                                "clinic_register_waste_ratio_numerator{application=\"monitoring-service\",product=\"KETAMINE_HCL\",site=\"wk_bos\",window=\"30d\"} 527.0")
                        .contains(
                                "clinic_register_waste_ratio_denominator{application=\"monitoring-service\",product=\"KETAMINE_HCL\",site=\"wk_bos\",window=\"30d\"} 657.0")
                        .contains(
                                "clinic_register_stock_on_hand_units{application=\"monitoring-service\",product=\"ESKETAMINE_NASAL\",site=\"wk_den\"} 15.0")
                        .contains(
                                "clinic_register_sessions_unreconciled{application=\"monitoring-service\",site=\"wk_bos\"} 0.0")
                        .doesNotContain("product=\"KETAMINE_HCL\",site=\"wk_den\""));

        // the dispensing log, from the register alone
        var csv = api.get("/api/register/" + BOS + "/reports/dispensing-log?from=2026-03-16&to=2026-03-20", OPERATOR);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("date,entry,kind,lot,ndc,patient,received_mg,drawn_mg,administered_mg,wasted_mg,"
                        + "adjusted_mg,witness,recorded_by,balance_after_mg");
        assertThat(lines.subList(1, lines.size()))
                .extracting(
                        line -> String.join(",", List.of(line.split(",", -1)).subList(2, 14)))
                .containsExactly(
                        "RECEIPT,KT-WK1,0409-2051-05,,2000.000,,,,,,nurse-wk-bos,2000.000",
                        "DRAW,KT-WK1,0409-2051-05,p_wk1,,40.000,,,,,nurse-wk-bos,1960.000",
                        "ADMINISTERED,KT-WK1,0409-2051-05,p_wk1,,,38.500,,,,scheduling-service,1960.000",
                        "WASTE,KT-WK1,0409-2051-05,p_wk1,,,,1.500,,clinician-wk-bos,nurse-wk-bos,1960.000",
                        "DRAW,KT-WK1,0409-2051-05,p_wk2,,35.000,,,,,nurse-wk-bos,1925.000",
                        "ADMINISTERED,KT-WK1,0409-2051-05,p_wk2,,,35.000,,,,scheduling-service,1925.000",
                        "DRAW,KT-WK1,0409-2051-05,p_wk3,,40.000,,,,,nurse-wk-bos,1885.000",
                        "ADMINISTERED,KT-WK1,0409-2051-05,p_wk3,,,14.500,,,,scheduling-service,1885.000",
                        "WASTE,KT-WK1,0409-2051-05,p_wk3,,,,25.500,,clinician-wk-bos,nurse-wk-bos,1885.000",
                        "STOCK_WASTE,KT-WK1,0409-2051-05,,,,,500.000,,clinician-wk-bos,nurse-wk-bos,1385.000",
                        "DRAW,KT-WK1,0409-2051-05,p_wk4,,42.000,,,,,nurse-wk-bos,1343.000",
                        "ADMINISTERED,KT-WK1,0409-2051-05,p_wk4,,,42.000,,,,scheduling-service,1343.000");
        var pdf = api.bytes(
                "/api/register/" + BOS + "/reports/dispensing-log?from=2026-03-16&to=2026-03-20&format=PDF", OPERATOR);
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("dispensing log - site wk_bos")
                    .contains("received 2000.000 mg, drawn 157.000 mg, administered 130.000 mg, wasted 527.000 mg")
                    .contains("p_wk3");
        }

        // the inventory: the lot on hand, expected and counted
        var inventory = api.get("/api/register/" + BOS + "/reports/inventory", OPERATOR);
        assertThat(inventory.getBody().lines().toList().get(1))
                .startsWith(lotA + ",KETAMINE_HCL,0409-2051-05,KT-WK1,2027-12-31,no,500.000,1343.000,2.68,")
                .endsWith(",1338.000,1343.000,5.000");
        try (var document = Loader.loadPDF(api.bytes("/api/register/" + BOS + "/reports/inventory?format=PDF", OPERATOR)
                .getBody())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("inventory - site wk_bos")
                    .contains("KT-WK1");
        }

        // who reads what: reports are the operators'; billing sees nothing; each read is audited
        assertThat(api.get("/api/register/" + BOS + "/reports/inventory", NURSE_BOS)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(api.get("/api/register/" + BOS, BILLING).getStatusCode().value())
                .isEqualTo(403);
        assertThat(api.get("/api/register/" + BOS, NURSE_DEN).getStatusCode().value())
                .isEqualTo(403);
        JsonNode audit = RegisterClient.json(
                api.get("/api/audit?actor=operator-wk&object=register-dispensing-log/" + BOS, TestTokens.admin()));
        assertThat(audit.toString()).contains("p_wk1").contains("p_wk4");

        // a nurse cannot resolve; a clinician writes the 5 mg off with a reason
        String discrepancy = queries.site(BOS).openDiscrepancies().get(0).id();
        assertThat(api.post(
                                "/api/register/" + BOS + "/discrepancies/" + discrepancy + "/resolve",
                                NURSE_BOS,
                                Map.of("reason", "recounted", "writeOff", true))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        var resolved = api.post(
                "/api/register/" + BOS + "/discrepancies/" + discrepancy + "/resolve",
                CLINICIAN_BOS,
                Map.of("reason", "5 mg unaccounted for: loss reported (DEA Form 106)", "writeOff", true));
        assertThat(resolved.getStatusCode().value()).as(resolved.getBody()).isEqualTo(200);
        assertThat(RegisterClient.json(resolved).at("/status").asString()).isEqualTo("RESOLVED");
        assertThat(balance(BOS, lotA)).isEqualByComparingTo("1338");
        assertThat(api.post(
                                "/api/register/" + BOS + "/discrepancies/" + discrepancy + "/resolve",
                                CLINICIAN_BOS,
                                Map.of("reason", "again", "writeOff", true))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(balance(BOS, lotA)).isEqualByComparingTo("1338");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(scrape())
                                .contains(
                                        "clinic_register_discrepancies_open{application=\"monitoring-service\",kind=\"COUNT_DIFFERENCE\",site=\"wk_bos\"} 0.0"));
    }

    /** Day {@code n} of the week at 09:00 UTC. */
    static Instant day(int n) {
        return MONDAY.plus(Duration.ofDays(n));
    }

    /**
     * A session: booked at {@code start}, drug drawn five minutes after the start, completed (or
     * stopped) with the dose given, then the rest wasted with a clinician as witness.
     */
    void session(
            RegisterClient api,
            String site,
            String sessionId,
            String patientId,
            String lotId,
            Instant start,
            String drawn,
            String given,
            String wasted,
            boolean stopped) {
        boolean nasal = site.equals(DEN);
        String nurse = nasal ? NURSE_DEN : NURSE_BOS;
        String witness = nasal ? CLINICIAN_DEN : CLINICIAN_BOS;
        clock.set(start.minus(Duration.ofHours(1)));
        api.book(sessionId, patientId, site, start);
        clock.set(start.plus(Duration.ofMinutes(5)));
        var draw = api.post(
                "/api/register/" + site + "/draws", nurse, Map.of("sessionId", sessionId, "lotId", lotId, "mg", drawn));
        assertThat(draw.getStatusCode().value()).as(draw.getBody()).isEqualTo(201);
        assertThat(RegisterClient.json(draw).at("/patientId").asString()).isEqualTo(patientId);
        if (stopped) {
            api.stop(sessionId, patientId, site, start, given);
        } else {
            api.complete(sessionId, patientId, site, start, given, nasal ? Route.NASAL : Route.IV_INFUSION);
        }
        clock.set(start.plus(Duration.ofMinutes(110)));
        if (wasted != null) {
            var waste = api.post(
                    "/api/register/" + site + "/wastes",
                    nurse,
                    witness,
                    Map.of("sessionId", sessionId, "lotId", lotId, "mg", wasted));
            assertThat(waste.getStatusCode().value()).as(waste.getBody()).isEqualTo(201);
        }
        assertThat(queries.account(sessionId).reconciled(new java.math.BigDecimal("0.1")))
                .isTrue();
    }

    java.math.BigDecimal balance(String site, String lotId) {
        return queries.lot(site, lotId).orElseThrow().balanceMg();
    }

    String scrape() {
        return RestClient.create("http://localhost:" + managementPort)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }
}
