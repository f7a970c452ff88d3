package org.clinicops.scheduling.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.clinicops.events.EventJson;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Calls the service as a member of staff (or nobody), never following redirects. */
public final class StaffClient {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;

    public StaffClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A token of a member of staff with one role at one site, named like the demo users. */
    public static String staff(Role role, String site) {
        return TestTokens.of(role.name().toLowerCase(Locale.ROOT) + "-" + site, role, site);
    }

    public HttpResponse<String> get(String path, @Nullable String token) {
        return send(request(path, token, "application/json").GET());
    }

    /** What a FHIR client asks for. */
    public HttpResponse<String> getFhir(String path, @Nullable String token) {
        return send(request(path, token, "application/fhir+json").GET());
    }

    /** What a browser asks for. */
    HttpResponse<String> getPage(String path, @Nullable String token) {
        return send(request(path, token, "text/html,application/xhtml+xml").GET());
    }

    public HttpResponse<String> post(String path, String json, @Nullable String token) {
        return send(request(path, token, "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(String method, String path, String json, @Nullable String token) {
        return send(request(path, token, "application/json")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
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
