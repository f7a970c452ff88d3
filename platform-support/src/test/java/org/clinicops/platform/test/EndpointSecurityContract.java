package org.clinicops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Calls every endpoint a service maps (API and pages) the way an attacker or a confused colleague
 * would: without a token, with an expired, a tampered and a foreign-signed token (401 each), and
 * with a valid token of every role its {@link ApiAccessPolicy} does not admit (403 each). A role it
 * admits, at every site, must get past security (neither 401 nor 403). Path variables are filled
 * with ids that exist nowhere, so nothing is changed.
 */
public final class EndpointSecurityContract {

    /** One endpoint: a method and a path pattern. */
    public record Endpoint(HttpMethod method, String pattern) {
        String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", "probe-404");
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final ApiAccessPolicy policy;

    public EndpointSecurityContract(int port, ApiAccessPolicy policy) {
        this.baseUrl = "http://localhost:" + port;
        this.policy = policy;
    }

    /** Every endpoint the service maps, except error and documentation handlers. */
    public static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping) {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<String> patterns = info.getPatternValues();
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (pattern.startsWith("/error")
                        || pattern.startsWith("/v3/api-docs")
                        || pattern.startsWith("/swagger")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, pattern));
                }
                methods.forEach(method -> endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern)));
            }
        }
        return List.copyOf(endpoints);
    }

    /** Checks every endpoint and fails listing every one that answered wrongly. */
    public void verify(List<Endpoint> endpoints) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            var rule = policy.ruleFor(endpoint.method(), endpoint.samplePath());
            boolean open = rule.map(ApiAccessPolicy.Rule::open).orElse(false);
            if (!open) {
                expect(wrong, endpoint, null, "no token", 401);
                expect(wrong, endpoint, TestTokens.expired(), "expired token", 401);
                expect(wrong, endpoint, TestTokens.tampered(), "tampered token", 401);
                expect(wrong, endpoint, TestTokens.signedByStranger(), "token signed by another key", 401);
            }
            for (Role role : EnumSet.allOf(Role.class)) {
                boolean admitted = policy.admits(endpoint.method(), endpoint.samplePath(), Set.of(role));
                int status = call(endpoint, TestTokens.of("probe-" + role.name().toLowerCase(), role, "*"));
                if (!admitted && status != 403) {
                    wrong.add(endpoint + " as " + role + ": expected 403, got " + status);
                }
                if (admitted && (status == 401 || status == 403)) {
                    wrong.add(endpoint + " as " + role + ": the policy admits it, got " + status);
                }
            }
        }
        assertThat(wrong).as("endpoints answering wrongly").isEmpty();
    }

    private void expect(List<String> wrong, Endpoint endpoint, String token, String what, int expected) {
        int status = call(endpoint, token);
        if (status != expected) {
            wrong.add(endpoint + " with " + what + ": expected " + expected + ", got " + status);
        }
    }

    private int call(Endpoint endpoint, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + endpoint.samplePath()))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(
                        endpoint.method().name(),
                        HttpRequest.BodyPublishers.ofString(
                                endpoint.method() == HttpMethod.GET || endpoint.method() == HttpMethod.DELETE
                                        ? ""
                                        : "{}"));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
