package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ClinicClientTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server = startServer();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheBearerTokenOnEveryCall() {
        ClinicClient client = client(AccessTokens.fixed("good"));

        assertThat(client.get("intake", "/api/x").status()).isEqualTo(200);
        assertThat(client.post("intake", "/api/consultation-requests", Map.of("a", 1))
                        .status())
                .isEqualTo(200);
        assertThat(authorizations).containsExactly("Bearer good", "Bearer good");
    }

    @Test
    void renewsTheTokenOnceWhenAServiceAnswers401() {
        ClinicClient client = client(new AccessTokens() {
            private String token = "stale";

            @Override
            public String current() {
                return token;
            }

            @Override
            public String renew(@Nullable String rejected) {
                token = "good";
                return token;
            }
        });

        ClinicClient.Response answer = client.get("intake", "/api/x");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(authorizations).containsExactly("Bearer stale", "Bearer good");
    }

    @Test
    void givesUpAfterOneRenewalThatIsRefusedToo() {
        ClinicClient client = client(AccessTokens.fixed("stale"));

        assertThat(client.get("intake", "/api/x").status()).isEqualTo(401);
        assertThat(authorizations).hasSize(2);
    }

    @Test
    void talliesEveryRefusedChangeByCallAndStatusButNoRead() {
        DemoStats stats = new DemoStats();
        ClinicClient client = new ClinicClient(
                Map.of("intake", "http://localhost:" + server.getAddress().getPort()),
                AccessTokens.fixed("stale"),
                stats);

        client.get("intake", "/api/consultation-requests/req_1");
        client.post("intake", "/api/consultation-requests/req_1/screening", Map.of());
        client.post("intake", "/api/consultation-requests/req_2/screening?x=1", Map.of());

        assertThat(stats.refusals()).isEqualTo(2);
        assertThat(stats.refusalSummary())
                .isEqualTo("%6d  %s%n".formatted(2, "POST intake /api/consultation-requests/{id}/screening 401"));
    }

    @Test
    void aPhysiciansClientSendsHerTokenAndTalliesHerRefusalsWithTheDemos() {
        DemoStats stats = new DemoStats();
        ClinicClient demo = new ClinicClient(
                Map.of("intake", "http://localhost:" + server.getAddress().getPort()),
                AccessTokens.fixed("stale"),
                stats);
        ClinicClient physician = demo.withTokens(AccessTokens.fixed("good"));

        assertThat(physician
                        .post("intake", "/api/consultation-requests/req_1/decision", Map.of())
                        .status())
                .isEqualTo(200);
        demo.post("intake", "/api/consultation-requests/req_1/decision", Map.of());

        assertThat(authorizations).containsExactly("Bearer good", "Bearer stale", "Bearer stale");
        assertThat(stats.refusalSummary())
                .isEqualTo("%6d  %s%n".formatted(1, "POST intake /api/consultation-requests/{id}/decision 401"));
    }

    @Test
    void namesARefusalByTheRuleItsProblemDetailGives() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(ClinicClient.refusalOf(
                        "POST",
                        "scheduling",
                        "/api/appointments/apt_s_plan_x_2/check-in",
                        409,
                        json.readTree("{\"code\": \"PATIENT_ON_HOLD\"}")))
                .isEqualTo("POST scheduling /api/appointments/{id}/check-in 409 PATIENT_ON_HOLD");
        assertThat(
                        ClinicClient.refusalOf(
                                "POST",
                                "scheduling",
                                "/api/appointments/apt_1/complete",
                                409,
                                json.readTree(
                                        "{\"code\": \"NO_RECENT_VITALS\", \"failedChecks\": [\"NO_RECENT_VITALS\", \"OPEN_ALERT\"]}")))
                .isEqualTo("POST scheduling /api/appointments/{id}/complete 409 NO_RECENT_VITALS+OPEN_ALERT");
        assertThat(ClinicClient.refusalOf(
                        "POST",
                        "monitoring",
                        "/api/sessions/apt_1/vitals",
                        400,
                        json.readTree("{\"title\": \"Invalid request\", \"errors\": [{\"field\": \"takenAt\"}]}")))
                .isEqualTo("POST monitoring /api/sessions/{id}/vitals 400 field takenAt");
    }

    private ClinicClient client(AccessTokens tokens) {
        return new ClinicClient(
                Map.of("intake", "http://localhost:" + server.getAddress().getPort()), tokens);
    }

    private HttpServer startServer() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(String.valueOf(authorization));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders("Bearer good".equals(authorization) ? 200 : 401, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
