package org.clinicops.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.clinicops.events.EventJson;
import org.clinicops.platform.security.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Calls a service under test as a member of staff (or nobody, with a null token), as an API
 * client, a FHIR client or a browser would, never following redirects; optionally scrapes its
 * management port.
 */
public final class StaffClient {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final @Nullable String managementUrl;

    public StaffClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.managementUrl = null;
    }

    /** A client that can also scrape the management port (the service port + 1000 in production). */
    public StaffClient(int port, int managementPort) {
        this.baseUrl = "http://localhost:" + port;
        this.managementUrl = "http://localhost:" + managementPort;
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
    public HttpResponse<String> getPage(String path, @Nullable String token) {
        return send(request(path, token, "text/html,application/xhtml+xml").GET());
    }

    public HttpResponse<String> post(String path, String json, @Nullable String token) {
        return send("POST", path, json, token);
    }

    /** A JSON request with any method; an empty body sends none. */
    public HttpResponse<String> send(String method, String path, String json, @Nullable String token) {
        return send(request(path, token, "application/json")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A browser's form post. */
    public HttpResponse<String> postForm(String path, String form, @Nullable String token) {
        return send(request(path, token, "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** What Prometheus scrapes on the management port (open, no token). */
    public String scrape() {
        if (managementUrl == null) {
            throw new IllegalStateException("construct the client with the management port to scrape");
        }
        return send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
                        .header("Accept", "text/plain")
                        .GET())
                .body();
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
