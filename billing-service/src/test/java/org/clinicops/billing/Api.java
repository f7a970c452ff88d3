package org.clinicops.billing;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A small JSON client for the service under test. */
public final class Api {

    private final RestClient http;

    public Api(int port) {
        this.http = RestClient.create("http://localhost:" + port);
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
