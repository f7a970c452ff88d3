package org.clinicops.monitoring.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinicops.events.Route;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The register on the nurse page and on its own page: draw, a waste the named witness confirms
 * signed in herself, the daily count, and a clinician resolving the discrepancy. Refused forms answer
 * 400 or 409 and write nothing. The rendered pages are saved under {@code target/register-pages}
 * (styles inlined) for screenshots.
 */
@ServiceIntegrationTest
class RegisterPagesTest {

    static final String SITE = "pg_bos";
    static final String NURSE = TestTokens.of("nurse-pg", Role.NURSE, SITE);
    static final String CLINICIAN = TestTokens.of("clinician-pg", Role.CLINICIAN, SITE);
    static final String OPERATOR = TestTokens.of("operator-pg", Role.OPERATOR, "*");
    static final String BILLING = TestTokens.of("billing-pg", Role.BILLING, SITE);
    static final Instant START = Instant.parse("2026-05-04T14:00:00Z");

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    @Autowired
    RegisterQueries queries;

    HttpResponse<String> page(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.bearer(token))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String token, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.bearer(token))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNurseDrawsAskesAWitnessAndCountsAndAClinicianResolves() throws Exception {
        clock.set(START.minus(Duration.ofHours(1)));
        RegisterClient api = new RegisterClient(port, new BookedSessions(kafka, sessions), queries);
        String lot = RegisterClient.json(api.post(
                        "/api/register/" + SITE + "/receipts", NURSE, RegisterClient.ketamineReceipt("PG-1", 2)))
                .at("/lot/lotId")
                .asString();
        api.book("pg_s1", "p_pg1", SITE, START);
        clock.set(START.plus(Duration.ofMinutes(5)));
        String nursePage = "/sessions/pg_s1?patientId=p_pg1&siteId=" + SITE;

        HttpResponse<String> shown = page(nursePage, NURSE);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Ketamine register").contains("PG-1 · KETAMINE_HCL · 1000 mg");

        // a draw: refused beyond 10 g and for an unknown lot, then recorded
        assertThat(form("/sessions/pg_s1/register/draw", NURSE, Map.of("lotId", lot, "mg", "20000"))
                        .statusCode())
                .isEqualTo(400);
        var unknown = form("/sessions/pg_s1/register/draw", NURSE, Map.of("lotId", "lot_nope", "mg", "10"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no lot lot_nope");
        var tooMuch = form("/sessions/pg_s1/register/draw", NURSE, Map.of("lotId", lot, "mg", "1000.5"));
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("holds 1000.000 mg");
        assertThat(queries.entriesOfLot(lot)).hasSize(1);
        var drawn = form("/sessions/pg_s1/register/draw", NURSE, Map.of("lotId", lot, "mg", "40"));
        assertThat(drawn.statusCode()).isEqualTo(302);
        assertThat(queries.lot(SITE, lot).orElseThrow().balanceMg()).isEqualByComparingTo("960");

        // the session completes with 38.5 mg given; the 1.5 mg left is wasted with a witness
        api.complete("pg_s1", "p_pg1", SITE, START, "38.5", Route.IV_INFUSION);
        assertThat(form(
                                "/sessions/pg_s1/register/waste",
                                NURSE,
                                Map.of("lotId", lot, "mg", "1.5", "witness", "nurse-pg"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(form(
                                "/sessions/pg_s1/register/waste",
                                NURSE,
                                Map.of("lotId", lot, "mg", "2", "witness", "clinician-pg"))
                        .statusCode())
                .isEqualTo(409);
        var asked = form(
                "/sessions/pg_s1/register/waste", NURSE, Map.of("lotId", lot, "mg", "1.5", "witness", "clinician-pg"));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(queries.entriesOfLot(lot)).extracting(e -> e.kind()).doesNotContain(EntryKind.WASTE);
        save("nurse-session", page(nursePage, NURSE).body());

        // the register page: the nurse sees it waits; the named clinician confirms it signed in herself
        String registerPage = "/register/" + SITE;
        assertThat(page(registerPage, NURSE).body())
                .contains("waits for clinician-pg")
                .doesNotContain("Confirm as witness");
        var clinicianView = page(registerPage, CLINICIAN);
        assertThat(clinicianView.body()).contains("Confirm as witness");
        String requestId = clinicianView.body().replaceAll("(?s).*/witness/(wit_[A-Za-z0-9_-]+)/confirm.*", "$1");
        var notMine = form(registerPage + "/witness/" + requestId + "/confirm", NURSE, Map.of());
        assertThat(notMine.statusCode()).isEqualTo(302);
        assertThat(queries.entriesOfLot(lot)).extracting(e -> e.kind()).doesNotContain(EntryKind.WASTE);
        var confirmed = form(registerPage + "/witness/" + requestId + "/confirm", CLINICIAN, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        var waste = queries.entriesOfLot(lot).stream()
                .filter(e -> e.kind() == EntryKind.WASTE)
                .findFirst()
                .orElseThrow();
        assertThat(waste.witness()).isEqualTo("clinician-pg");
        assertThat(waste.recordedBy()).isEqualTo("nurse-pg");
        assertThat(queries.account("pg_s1").reconciled(new java.math.BigDecimal("0.1")))
                .isTrue();
        assertThat(form(registerPage + "/witness/" + requestId + "/confirm", CLINICIAN, Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(queries.entriesOfLot(lot).stream().filter(e -> e.kind() == EntryKind.WASTE))
                .hasSize(1);

        // the daily count finds 5 mg missing; a clinician resolves it on the register page
        var counted = form("/sessions/pg_s1/register/count", NURSE, Map.of("lotId", lot, "countedMg", "955"));
        assertThat(counted.statusCode()).isEqualTo(302);
        var withDiscrepancy = page(registerPage, CLINICIAN);
        assertThat(withDiscrepancy.body()).contains("COUNT_DIFFERENCE").contains("Resolve");
        save("register-site", withDiscrepancy.body());
        String discrepancyId = queries.site(SITE).openDiscrepancies().get(0).id();
        assertThat(form(
                                registerPage + "/discrepancies/" + discrepancyId + "/resolve",
                                NURSE,
                                Map.of("reason", "recount", "writeOff", "true"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(form(
                                registerPage + "/discrepancies/" + discrepancyId + "/resolve",
                                CLINICIAN,
                                Map.of("reason", "5 mg lost, DEA Form 106 filed", "writeOff", "true"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(queries.lot(SITE, lot).orElseThrow().balanceMg()).isEqualByComparingTo("955");
        assertThat(queries.site(SITE).openDiscrepancies()).isEmpty();

        // operators read the page and its reports; billing sees nothing
        assertThat(page(registerPage, OPERATOR).body()).contains("Inventory (PDF)");
        assertThat(page(registerPage + "/reports/inventory", OPERATOR).body()).contains("PG-1");
        assertThat(page(registerPage, BILLING).statusCode()).isEqualTo(403);
        assertThat(page(registerPage + "/reports/inventory", NURSE).statusCode())
                .isEqualTo(403);
    }

    /** Saves a page with its style sheet inlined, for a screenshot. */
    static void save(String name, String html) throws IOException {
        String css;
        try (var in = RegisterPagesTest.class.getResourceAsStream("/static/css/nurse.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path dir = Path.of("target", "register-pages");
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(name + ".html"),
                html.replaceAll("<link rel=\"stylesheet\"[^>]*>", "<style>" + css.replace("$", "\\$") + "</style>"));
    }

    static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
