package org.clinicops.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the services' state the way an operator would, never from their databases: a paged public
 * API page by page, and the ops views ({@code /actuator/opsviews}, see the README's ports section)
 * that each service keeps for what no API shows. Both with the demo client's token.
 */
public final class ServiceReads {

    /** The largest page the services' paged APIs answer. */
    static final int PAGE_SIZE = 100;
    /** The rows asked for per read of an ops view. */
    static final int VIEW_LIMIT = 1000;

    private final Platform platform;

    public ServiceReads(Platform platform) {
        this.platform = platform;
    }

    /**
     * Every element of a paged API ({@code content} and {@code page} of Spring Data's paged model),
     * page by page; each id once. Fails when the pages did not add up to the total the API named
     * (the state moved while it was read).
     */
    public List<JsonNode> pages(String service, String path) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            String separator = path.contains("?") ? "&" : "?";
            JsonNode body = read(
                    platform.get(service, path + separator + "page=" + page + "&size=" + PAGE_SIZE), service, path);
            for (JsonNode element : body.path("content")) {
                if (seen.add(element.path("id").asString())) {
                    all.add(element);
                }
            }
            total = body.path("page").path("totalElements").asLong();
            pages = body.path("page").path("totalPages").asInt();
        }
        if (all.size() != total) {
            throw new IllegalStateException(service + " " + path + " named " + total + " elements but its pages held "
                    + all.size() + " distinct ones");
        }
        return all;
    }

    /** Every row of one of the service's ops views, read by id from the first. */
    public List<JsonNode> view(String service, String view) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        String after = "";
        while (after != null) {
            String path = "/actuator/opsviews/" + view + "?limit=" + VIEW_LIMIT + "&after="
                    + URLEncoder.encode(after, StandardCharsets.UTF_8);
            JsonNode body = read(platform.getManagementWithToken(service, path), service, path);
            body.path("rows").forEach(rows::add);
            after = body.path("next").isString() ? body.path("next").asString() : null;
        }
        return rows;
    }

    private static JsonNode read(HttpResponse<String> response, String service, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " answered " + response.statusCode() + " to " + path
                    + (path.startsWith("/actuator/opsviews")
                            ? " (are its ops views on? clinic.ops.views.enabled=true, see the README)"
                            : ""));
        }
        return Platform.JSON.readTree(response.body());
    }
}
