package org.clinicops.monitoring.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.clinicops.events.EventJson;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Calls the service as a member of staff (or nobody), never following redirects. */
final class StaffClient {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final @Nullable String managementUrl;

    StaffClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.managementUrl = null;
    }

    /** A client that can also scrape the management port (the service port + 1000 in production). */
    StaffClient(int port, int managementPort) {
        this.baseUrl = "http://localhost:" + port;
        this.managementUrl = "http://localhost:" + managementPort;
    }

    HttpResponse<String> get(String path, @Nullable String token) {
        return send(request(path, token, "application/json").GET());
    }

    /** What Prometheus scrapes on the management port (open, no token). */
    String scrape() {
        if (managementUrl == null) {
            throw new IllegalStateException("construct the client with the management port to scrape");
        }
        return send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                        .header("Accept", "text/plain")
                        .GET())
                .body();
    }

    HttpResponse<String> getPage(String path, @Nullable String token) {
        return send(request(path, token, "text/html").GET());
    }

    HttpResponse<String> post(String path, String json, @Nullable String token) {
        return send(request(path, token, "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postForm(String path, String form, @Nullable String token) {
        return send(request(path, token, "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    /** A reading; systolic over 200 raises a BP_SEVERE alert at once. */
    static String vitals(String patientId, String siteId, Instant takenAt, int systolic) {
        return """
                {"patientId":"%s","siteId":"%s","takenAt":"%s","systolic":%d,"diastolic":90,
                 "heartRate":80,"spo2":97,"respiratoryRate":14}""".formatted(patientId, siteId, takenAt, systolic);
    }

    /** An adverse event; grade 3 or more places a clinical hold. */
    static String adverseEvent(String patientId, String siteId, String sessionId, Instant onsetAt, int grade) {
        return """
                {"patientId":"%s","siteId":"%s","sessionId":"%s","category":"HEADACHE","grade":%d,
                 "onsetAt":"%s","actionTaken":"OBSERVATION","outcome":"RESOLVING"}""".formatted(patientId, siteId, sessionId, grade, onsetAt);
    }

    private HttpRequest.Builder request(String path, @Nullable String token, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
