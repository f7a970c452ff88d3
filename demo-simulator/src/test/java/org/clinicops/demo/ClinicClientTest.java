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
