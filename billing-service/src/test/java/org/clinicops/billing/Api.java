package org.clinicops.billing;

import java.util.Map;
import org.clinicops.platform.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A small JSON client for the service under test, calling with a bearer token. */
public final class Api {

    private final RestClient http;

    /** As ADMIN. */
    public Api(int port) {
        this(port, TestTokens.admin());
    }

    /** With this token (see {@link TestTokens}). */
    public Api(int port, String token) {
        this.http = rest(port, token);
    }

    /** A plain client of the service sending an ADMIN token. */
    public static RestClient rest(int port) {
        return rest(port, TestTokens.admin());
    }

    /** A plain client of the service sending this token. */
    public static RestClient rest(int port, String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .build();
    }

    /** Status and JSON body of an answer. */
    public record Answer(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        public <T> T get(String name) {
            return (T) body.get(name);
        }
    }

    public Answer get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public Answer post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    public Answer put(String path, Object body) {
        return call(HttpMethod.PUT, path, body);
    }

    @SuppressWarnings("unchecked")
    private Answer call(HttpMethod method, String path, Object body) {
        var request =
                http.method(method).uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            Map<String, Object> json =
                    res.getBody().available() == 0 && res.getHeaders().getContentLength() == 0
                            ? Map.of()
                            : res.bodyTo(Map.class);
            return new Answer(res.getStatusCode().value(), json == null ? Map.of() : json);
        });
    }
}
