package org.clinicops.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every panel query of the Grafana dashboards against a Prometheus server and reports the
 * panels that return no data: the proof that the dashboards fill while the demo runs. Dashboard
 * variables are replaced by "all" ({@code .*}) and Grafana's interval macros by fixed windows, except
 * the indicators' {@code window} variable (a choice among 30d, 90d, all, never all of them at once):
 * a query naming it runs once per value the dashboard offers.
 *
 * <p>Usage: {@code DashboardCheck [--prometheus URL] [--dashboards DIR]}; exits 1 when a panel is
 * empty.
 */
public final class DashboardCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Query(String dashboard, String panel, String expr) {}

    /**
     * @param series how many series the query returned
     * @param nonZero how many of them have a value other than 0 (NaN counts as no value): a panel
     *     whose every series is 0 shows a flat line, no activity
     */
    record Outcome(Query query, int series, int nonZero, String error) {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String prometheus = "http://localhost:9090";
        Path dashboards = Path.of("deploy/grafana/dashboards");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--prometheus" -> prometheus = args[i + 1];
                case "--dashboards" -> dashboards = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Query> queries = queries(dashboards);
        HttpClient http = HttpClient.newHttpClient();
        int empty = 0;
        int flat = 0;
        for (Query query : queries) {
            Outcome outcome = run(http, prometheus, query);
            boolean ok = outcome.error().isEmpty() && outcome.series() > 0;
            if (!ok) {
                empty++;
            } else if (outcome.nonZero() == 0) {
                flat++;
            }
            System.out.printf(
                    "%-5s %-14s %-48s %s%n",
                    !ok ? "EMPTY" : outcome.nonZero() == 0 ? "zero" : "ok",
                    query.dashboard(),
                    truncate(query.panel(), 48),
                    outcome.error().isEmpty()
                            ? outcome.series() + " series, " + outcome.nonZero() + " not 0"
                            : outcome.error());
        }
        System.out.printf(
                "%d of %d panel queries return data (%d of them only 0 so far)%n",
                queries.size() - empty, queries.size(), flat);
        System.exit(empty == 0 ? 0 : 1);
    }

    static List<Query> queries(Path dir) throws IOException {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                String name = file.getFileName().toString().replace(".json", "");
                collect(name, dashboard.path("panels"), windows(dashboard), queries);
            }
        }
        return queries;
    }

    /** The values of the dashboard's {@code window} variable (a custom list), none without one. */
    static List<String> windows(JsonNode dashboard) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("window".equals(variable.path("name").asString(""))) {
                return Stream.of(variable.path("query").asString("").split(","))
                        .map(String::trim)
                        .filter(w -> !w.isEmpty())
                        .toList();
            }
        }
        return List.of();
    }

    private static void collect(String dashboard, JsonNode panels, List<String> windows, List<Query> into) {
        for (JsonNode panel : panels) {
            collect(dashboard, panel.path("panels"), windows, into);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                String title = panel.path("title").asString("");
                if (expr.isBlank()) {
                    continue;
                }
                if (!WINDOW.matcher(expr).find() || windows.isEmpty()) {
                    into.add(new Query(dashboard, title, expr));
                    continue;
                }
                for (String window : windows) {
                    into.add(new Query(
                            dashboard,
                            title + " [" + window + "]",
                            WINDOW.matcher(expr).replaceAll(window)));
                }
            }
        }
    }

    private static final Pattern WINDOW = Pattern.compile("\\$\\{?window}?");

    /** The query as Prometheus itself can run it: every variable means "all". */
    static String concrete(String expr) {
        return expr.replace("$__rate_interval", "5m")
                .replace("$__range", "1h")
                .replace("$__interval", "1m")
                .replaceAll("=~\\s*\"\\$\\{?[a-z_]+(:[a-z]+)?}?\"", "=~\".*\"")
                .replaceAll("=\\s*\"\\$\\{?[a-z_]+(:[a-z]+)?}?\"", "=~\".*\"");
    }

    private static Outcome run(HttpClient http, String prometheus, Query query) throws InterruptedException {
        String url =
                prometheus + "/api/v1/query?query=" + URLEncoder.encode(concrete(query.expr()), StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (!"success".equals(body.path("status").asString())) {
                return new Outcome(query, 0, 0, body.path("error").asString("HTTP " + response.statusCode()));
            }
            JsonNode result = body.path("data").path("result");
            return new Outcome(query, result.size(), nonZero(result), "");
        } catch (IOException e) {
            return new Outcome(query, 0, 0, "Prometheus unreachable at " + prometheus);
        }
    }

    /** The series of an instant-query result whose value is a number other than 0. */
    static int nonZero(JsonNode result) {
        int count = 0;
        for (JsonNode series : result) {
            String value = series.path("value").path(1).asString("0");
            try {
                double v = Double.parseDouble(value);
                if (v != 0 && !Double.isNaN(v)) {
                    count++;
                }
            } catch (NumberFormatException e) {
                // not a number: no value
            }
        }
        return count;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
