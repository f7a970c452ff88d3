package org.clinicops.intake.requests.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Its own context: a small limit, and no other test's anonymous requests in the buckets. The test
 * client connects from loopback, which the platform trusts as a proxy by default: here no address
 * is a trusted proxy (a documentation address only), as for a caller reaching the service directly.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "clinic.intake.public-rate-limit.capacity=3",
            "clinic.intake.public-rate-limit.period=1h",
            "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1"
        })
class PublicRateLimitTest {

    static final int CAPACITY = 3;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRequestAfterTheLimitFromOneAddressIs429WithRetryAfterWhateverItsForwardedForSays() throws Exception {
        // the form under other spellings of its path counts against the same bucket (issue 17)
        List<String> spellings =
                List.of("/api/consultation%2Drequests", "/api/consultation%2drequests", "/api/consultation-requests");
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(post(spellings.get(i), null, "203.0.113." + i).statusCode())
                    .isEqualTo(400); // an empty form
        }
        assertThat(post("/api/consultation%2Drequests", null, null).statusCode())
                .as("an encoded path escapes no limit")
                .isEqualTo(429);

        HttpResponse<String> refused = post(null, "198.51.100.7");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":429", "Too Many Requests");

        assertThat(post(TestTokens.of("intake-bos", Role.INTAKE, "bos"), null).statusCode())
                .as("a signed-in caller is not held by the public limit")
                .isEqualTo(400);
        assertThat(post(TestTokens.expired(), null).statusCode())
                .as("a bad token is refused, not let through as signed in")
                .isEqualTo(401);
        assertThat(http.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + port + "/api/consultation-requests/x"))
                                        .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("other endpoints are not limited")
                .isEqualTo(404);
    }

    private HttpResponse<String> post(String token, String forwardedFor) throws Exception {
        return post("/api/consultation-requests", token, forwardedFor);
    }

    private HttpResponse<String> post(String path, String token, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
