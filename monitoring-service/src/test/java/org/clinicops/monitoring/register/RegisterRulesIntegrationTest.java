package org.clinicops.monitoring.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicops.events.ControlledSubstanceDiscrepancy;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.Route;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.register.application.CheckRegister;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a clear answer and writes nothing; concurrent draws never take more than the lot
 * holds; sessions left unreconciled or drawn for and then held become discrepancies.
 */
@ServiceIntegrationTest
class RegisterRulesIntegrationTest {

    static final String SITE = "rr_bos";
    static final String OTHER = "rr_den";
    static final String NURSE = TestTokens.of("nurse-rr", Role.NURSE, SITE);
    static final String NURSE_2 = TestTokens.of("nurse-rr-2", Role.NURSE, SITE);
    static final String CLINICIAN = TestTokens.of("clinician-rr", Role.CLINICIAN, SITE);
    static final String CLINICIAN_OTHER = TestTokens.of("clinician-rr-den", Role.CLINICIAN, OTHER);
    static final String BILLING = TestTokens.of("billing-rr", Role.BILLING, SITE);
    static final String NURSE_BOTH = TestTokens.of("nurse-rr-both", Role.NURSE, SITE, OTHER);

    static final Instant NOW = Instant.parse("2026-04-06T14:00:00Z");

    @LocalServerPort
    int port;

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

    RegisterClient api;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        api = new RegisterClient(port, new BookedSessions(kafka, sessions), queries);
    }

    String receive(String lotNumber, int vials) {
        var received = api.post(
                "/api/register/" + SITE + "/receipts", NURSE, RegisterClient.ketamineReceipt(lotNumber, vials));
        assertThat(received.getStatusCode().value()).as(received.getBody()).isEqualTo(201);
        return RegisterClient.json(received).at("/lot/lotId").asString();
    }

    long entries(String lotId) {
        return queries.entriesOfLot(lotId).size();
    }

    static void assertProblem(ResponseEntity<String> response, int status, String fieldOrCode) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(response.getBody()).contains(fieldOrCode);
    }

    ResponseEntity<String> draw(String token, String sessionId, String lotId, Object mg) {
        return api.post(
                "/api/register/" + SITE + "/draws", token, Map.of("sessionId", sessionId, "lotId", lotId, "mg", mg));
    }

    @Test
    void refusesBadDrawsWithAProblemAndWritesNothing() {
        String lot = receive("RR-1", 1);
        api.book("rr_s1", "p_rr1", SITE, NOW.minus(Duration.ofMinutes(10)));
        api.book("rr_far", "p_rr2", SITE, NOW.plus(Duration.ofHours(5)));
        api.book("rr_den1", "p_rr3", OTHER, NOW.minus(Duration.ofMinutes(10)));

        assertProblem(draw(NURSE, "rr_s1", lot, 500.5), 409, "insufficient-balance");
        assertProblem(draw(NURSE, "rr_s1", lot, -1), 400, "mg");
        assertProblem(draw(NURSE, "rr_s1", lot, 10_001), 400, "10000 mg");
        assertProblem(draw(NURSE, "rr_s1", lot, 0.0001), 400, "decimals");
        assertProblem(draw(NURSE, "rr_s1", "lot_unknown", 10), 400, "lotId");
        assertProblem(draw(NURSE, "rr_far", lot, 10), 409, "session-not-open");
        assertProblem(draw(NURSE, "rr_nobody", lot, 10), 404, "session");
        // a session of another site: refused for a nurse of this site only, and named wrongly for one of both
        assertProblem(draw(NURSE, "rr_den1", lot, 10), 403, "Forbidden");
        assertProblem(draw(NURSE_BOTH, "rr_den1", lot, 10), 409, "session-mismatch");
        assertProblem(draw(BILLING, "rr_s1", lot, 10), 403, "");
        assertThat(entries(lot)).isEqualTo(1);

        // an ended session takes no draw; a cancelled one neither
        api.complete("rr_s1", "p_rr1", SITE, NOW.minus(Duration.ofMinutes(10)), "0", Route.IV_INFUSION);
        assertProblem(draw(NURSE, "rr_s1", lot, 10), 409, "session-ended");
        assertThat(entries(lot)).isEqualTo(1);
    }

    @Test
    void refusesADrawFromAnExpiredLot() {
        var receipt = new java.util.HashMap<>(RegisterClient.ketamineReceipt("RR-EXP", 1));
        receipt.put("expiresOn", "2026-04-06");
        var received = api.post("/api/register/" + SITE + "/receipts", NURSE, receipt);
        String lot = RegisterClient.json(received).at("/lot/lotId").asString();
        clock.set(NOW.plus(Duration.ofDays(1)));
        api.book("rr_exp", "p_rr4", SITE, NOW.plus(Duration.ofDays(1)));

        assertProblem(draw(NURSE, "rr_exp", lot, 10), 409, "lot-expired");
        assertThat(entries(lot)).isEqualTo(1);
        // expired stock is destroyed as a witnessed waste from stock
        var destroyed = api.post(
                "/api/register/" + SITE + "/wastes",
                NURSE,
                CLINICIAN,
                Map.of("lotId", lot, "mg", 500, "reason", "expired stock destroyed"));
        assertThat(destroyed.getStatusCode().value()).isEqualTo(201);
        assertProblem(api.post("/api/register/" + SITE + "/receipts", NURSE, receipt), 409, "lot-expired");
    }

    @Test
    void aWasteNeedsAnotherLicensedWitnessOfTheSiteSignedInThemselves() {
        String lot = receive("RR-W", 1);
        api.book("rr_w", "p_rr5", SITE, NOW.minus(Duration.ofMinutes(10)));
        assertThat(draw(NURSE, "rr_w", lot, 40).getStatusCode().value()).isEqualTo(201);
        Map<String, Object> waste = Map.of("sessionId", "rr_w", "lotId", lot, "mg", 5);
        String uri = "/api/register/" + SITE + "/wastes";

        assertProblem(api.post(uri, NURSE, waste), 400, "witness");
        assertProblem(api.post(uri, NURSE, NURSE, waste), 400, "not the one recording");
        assertProblem(api.post(uri, NURSE, CLINICIAN_OTHER, waste), 400, "must work at site");
        assertProblem(api.post(uri, NURSE, BILLING, waste), 400, "nurse or a clinician");
        assertProblem(api.post(uri, NURSE, TestTokens.tampered(), waste), 400, "X-Witness-Token");
        assertProblem(api.post(uri, NURSE, TestTokens.expired(), waste), 400, "X-Witness-Token");
        assertProblem(
                api.post(uri, NURSE, NURSE_2, Map.of("sessionId", "rr_w", "lotId", lot, "mg", 40.2)),
                409,
                "waste-exceeds-drawn");
        assertProblem(api.post(uri, NURSE, NURSE_2, Map.of("lotId", lot, "mg", 5)), 400, "reason");
        assertThat(entries(lot)).isEqualTo(2);

        var witnessed = api.post(uri, NURSE, "Bearer " + NURSE_2, waste);
        assertThat(witnessed.getStatusCode().value()).as(witnessed.getBody()).isEqualTo(201);
        assertThat(RegisterClient.json(witnessed).at("/witness").asString()).isEqualTo("nurse-rr-2");
        assertThat(RegisterClient.json(witnessed).at("/recordedBy").asString()).isEqualTo("nurse-rr");
    }

    @Test
    void aCountOfAnUnknownLotOrOfAnAbsurdQuantityIsRefused() {
        String lot = receive("RR-C", 1);
        String uri = "/api/register/" + SITE + "/counts";

        assertProblem(api.post(uri, NURSE, Map.of("lotId", "lot_nope", "countedMg", 10)), 400, "lotId");
        assertProblem(api.post(uri, NURSE, Map.of("lotId", lot, "countedMg", -1)), 400, "countedMg");
        assertProblem(api.post(uri, NURSE, Map.of("lotId", lot, "countedMg", 500_001)), 400, "countedMg");
        assertProblem(api.post(uri, CLINICIAN_OTHER, Map.of("lotId", lot, "countedMg", 10)), 403, "");
        assertThat(entries(lot)).isEqualTo(1);
    }

    @Test
    void aCorrectionIsAReversingEntryByAClinicianWithAReason() {
        String lot = receive("RR-R", 1);
        api.book("rr_r", "p_rr6", SITE, NOW.minus(Duration.ofMinutes(10)));
        String drawn = RegisterClient.json(draw(NURSE, "rr_r", lot, 400))
                .at("/entryId")
                .asString();
        String uri = "/api/register/" + SITE + "/entries/" + drawn + "/reversal";

        assertThat(api.post(uri, NURSE, Map.of("reason", "wrong vial"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertProblem(api.post(uri, CLINICIAN, Map.of("reason", "")), 400, "reason");
        var reversed = api.post(uri, CLINICIAN, Map.of("reason", "drawn for the wrong session"));
        assertThat(reversed.getStatusCode().value()).as(reversed.getBody()).isEqualTo(201);
        assertThat(RegisterClient.json(reversed).at("/balanceAfterMg").decimalValue())
                .isEqualByComparingTo("500");
        assertProblem(api.post(uri, CLINICIAN, Map.of("reason", "again")), 409, "entry-already-reversed");
        List<JsonNode> all = new ArrayList<>();
        RegisterClient.json(api.get("/api/register/" + SITE + "/lots/" + lot + "/entries", NURSE))
                .forEach(all::add);
        assertThat(all).extracting(e -> e.at("/kind").asString()).containsExactly("RECEIPT", "DRAW", "REVERSAL");
    }

    @Test
    void concurrentDrawsNeverTakeMoreThanTheLotHolds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                String lot = receive("RR-CC" + round, 1);
                String session = "rr_cc" + round;
                api.book(session, "p_rrc" + round, SITE, NOW.minus(Duration.ofMinutes(10)));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int nurse = 0; nurse < 8; nurse++) {
                    String token = nurse % 2 == 0 ? NURSE : NURSE_2;
                    Callable<Integer> call = () -> {
                        start.await();
                        return draw(token, session, lot, 100).getStatusCode().value();
                    };
                    answers.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                // 500 mg, eight nurses drawing 100 mg at once: five served, three refused, none lost
                assertThat(statuses).containsOnly(201, 409);
                assertThat(statuses.stream().filter(s -> s == 201)).hasSize(5);
                assertThat(queries.lot(SITE, lot).orElseThrow().balanceMg()).isEqualByComparingTo("0");
                assertThat(queries.entriesOfLot(lot)).hasSize(6);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sessionsLeftUnreconciledOrDrawnForThenHeldAreDiscrepancies() {
        String lot = receive("RR-U", 1);
        Instant start = NOW.minus(Duration.ofMinutes(10));
        api.book("rr_u", "p_rr7", SITE, start);
        api.book("rr_h", "p_rr8", SITE, start);
        assertThat(draw(NURSE, "rr_u", lot, 40).getStatusCode().value()).isEqualTo(201);
        assertThat(draw(NURSE, "rr_h", lot, 40).getStatusCode().value()).isEqualTo(201);

        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONTROLLED_SUBSTANCE_DISCREPANCY.topic())) {
            // held after the draw: the drawn drug is a discrepancy at once
            new BookedSessions(kafka, sessions).cancel("rr_h", "p_rr8", SITE, start, true, NOW);
            var held = probe.await(r -> r.key().equals(SITE)
                    && EventJson.read(r.value(), ControlledSubstanceDiscrepancy.class)
                                    .kind()
                            == ControlledSubstanceDiscrepancy.Kind.DRAW_ON_HELD_SESSION);
            assertThat(EventJson.read(held.value(), ControlledSubstanceDiscrepancy.class)
                            .unaccountedMg())
                    .isEqualByComparingTo("40");

            // completed with 38 mg given and the 2 mg left never wasted: unreconciled 12 h later
            api.complete("rr_u", "p_rr7", SITE, start, "38", Route.IV_INFUSION);
            Instant ended = start.plus(Duration.ofMinutes(100));
            clock.set(ended.plus(Duration.ofHours(11)));
            check.run();
            assertThat(queries.site(SITE).openDiscrepancies())
                    .extracting(d -> d.kind())
                    .doesNotContain(ControlledSubstanceDiscrepancy.Kind.UNRECONCILED_SESSION);
            clock.set(ended.plus(Duration.ofHours(12)).plusSeconds(1));
            check.run();
            var late = probe.await(r -> r.key().equals(SITE)
                    && EventJson.read(r.value(), ControlledSubstanceDiscrepancy.class)
                                    .kind()
                            == ControlledSubstanceDiscrepancy.Kind.UNRECONCILED_SESSION);
            var event = EventJson.read(late.value(), ControlledSubstanceDiscrepancy.class);
            assertThat(event.expectedMg()).isEqualByComparingTo("40");
            assertThat(event.countedMg()).isEqualByComparingTo("38");
            assertThat(event.unaccountedMg()).isEqualByComparingTo("2");
            // found once: the next pass raises nothing more
            assertThat(check.run()).isZero();
        }
    }
}
