package org.clinicops.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a service's ops views ({@code /actuator/opsviews}) on its management port in tests. */
public final class OpsViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OpsViews() {}

    /** A GET on the management port, with the token when not null. */
    public static HttpResponse<String> get(int managementPort, String path, @Nullable String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every row of the view, read as the admin page by page ({@code limit} rows each). */
    public static List<JsonNode> rows(int managementPort, String view, int limit)
            throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        String after = "";
        while (after != null) {
            HttpResponse<String> page = get(
                    managementPort,
                    "/actuator/opsviews/" + view + "?limit=" + limit + "&after="
                            + URLEncoder.encode(after, StandardCharsets.UTF_8),
                    TestTokens.admin());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("ops view " + view + " answered " + page.statusCode());
            }
            JsonNode body = JSON.readTree(page.body());
            body.path("rows").forEach(rows::add);
            after = body.path("next").isString() ? body.path("next").asString() : null;
        }
        return rows;
    }

    /** Every row of the view. */
    public static List<JsonNode> rows(int managementPort, String view) throws IOException, InterruptedException {
        return rows(managementPort, view, 100);
    }
}
