package org.clinicops.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JSON over HTTP to the four services, with the bearer token of {@link AccessTokens} on every call;
 * a 401 renews the token and repeats the call once. Every change a service refuses (a 4xx answer to
 * a POST or PUT) is tallied by {@link #refusalOf what was refused and the rule the answer names}, so a
 * run shows whether the demo follows the platform's rules or runs into them.
 */
final class ClinicClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Collections whose next path segment is an id (replaced by {@code {id}} in a refusal's name). */
    private static final Set<String> COLLECTIONS = Set.of(
            "appointments",
            "consultation-requests",
            "patients",
            "invoices",
            "alerts",
            "sessions",
            "sites",
            "register",
            "discrepancies");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> baseUrls;
    private final AccessTokens tokens;
    private final @Nullable DemoStats refusals;

    ClinicClient(Map<String, String> baseUrls, AccessTokens tokens) {
        this(baseUrls, tokens, null);
    }

    /** A client that tallies the refused changes in {@code refusals} ({@link DemoStats#refused}). */
    ClinicClient(Map<String, String> baseUrls, AccessTokens tokens, @Nullable DemoStats refusals) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.tokens = tokens;
        this.refusals = refusals;
    }

    /**
     * The same services, calls sent with {@code other}'s tokens (a physician signed in as herself)
     * and refusals tallied with this client's.
     */
    ClinicClient withTokens(AccessTokens other) {
        return new ClinicClient(baseUrls, other, refusals);
    }

    Response get(String service, String path) {
        return send(service, path, "GET", null);
    }

    Response post(String service, String path, @Nullable Object body) {
        return send(service, path, "POST", body);
    }

    Response put(String service, String path, Object body) {
        return send(service, path, "PUT", body);
    }

    /** A POST with one more header (e.g. a witness's own token beside the caller's). */
    Response post(String service, String path, @Nullable Object body, String header, String value) {
        return send(service, path, "POST", body, Map.of(header, value));
    }

    /** The bearer token this client sends now. */
    @Nullable
    String token() {
        return tokens.current();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response send(String service, String path, String method, @Nullable Object body) {
        return send(service, path, method, body, Map.of());
    }

    private Response send(
            String service, String path, String method, @Nullable Object body, Map<String, String> headers) {
        String base = baseUrls.get(service);
        if (base == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        URI uri = URI.create(base + path);
        String json = body == null ? null : JSON.writeValueAsString(body);
        String bearer = tokens.current();
        try {
            HttpResponse<String> response =
                    http.send(request(uri, method, json, bearer, headers), BodyHandlers.ofString());
            if (response.statusCode() == 401 && bearer != null) {
                // expired early or signed with a key the authorization server no longer has: once more
                response =
                        http.send(request(uri, method, json, tokens.renew(bearer), headers), BodyHandlers.ofString());
            }
            JsonNode answer = response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
            if (refusals != null
                    && !method.equals("GET")
                    && response.statusCode() >= 400
                    && response.statusCode() < 500) {
                refusals.refused(refusalOf(method, service, path, response.statusCode(), answer));
            }
            return new Response(response.statusCode(), answer);
        } catch (IOException e) {
            return new Response(0, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, MissingNode.getInstance());
        }
    }

    /**
     * What was refused and why, with bounded values: {@code POST scheduling
     * /api/appointments/{id}/complete 409 NO_RECENT_VITALS} (ids and the query left out; the rule is
     * the problem detail's {@code code}, every failed discharge check, or its first bad field).
     */
    static String refusalOf(String method, String service, String path, int status, JsonNode answer) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        StringBuilder shape = new StringBuilder();
        String previous = "";
        for (String segment : withoutQuery.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            shape.append('/')
                    .append(COLLECTIONS.contains(previous) && !COLLECTIONS.contains(segment) ? "{id}" : segment);
            previous = segment;
        }
        String rule = answer.path("code").asString("");
        if (answer.path("failedChecks").size() > 1) {
            List<String> checks = new ArrayList<>();
            answer.path("failedChecks").forEach(check -> checks.add(check.asString()));
            rule = String.join("+", checks);
        }
        if (rule.isEmpty()
                && answer.path("errors").isArray()
                && !answer.path("errors").isEmpty()) {
            rule = "field " + answer.path("errors").get(0).path("field").asString("?");
        }
        if (rule.isEmpty()) {
            rule = answer.path("title").asString("");
        }
        return method + " " + service + " " + shape + " " + status + (rule.isEmpty() ? "" : " " + rule);
    }

    private static HttpRequest request(
            URI uri, String method, @Nullable String json, @Nullable String bearer, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).header("Accept", "application/json");
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return request.build();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    /** An answer: status 0 when the service could not be reached. */
    record Response(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body.path(field).asString("");
        }
    }
}
