package org.clinicops.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the deployment and monitoring files under {@code deploy/}: Prometheus configurations,
 * rules and their unit tests (with {@code promtool}, when it is on the PATH), the Grafana
 * dashboards, and the Compose and Kubernetes manifests.
 *
 * <p>The YAML checks need {@code tools.jackson.dataformat:jackson-dataformat-yaml} on the test
 * classpath. It is looked up reflectively so that this class compiles without it; without it
 * those checks are skipped, like the promtool checks without promtool.
 */
class PrometheusConfigTest {

    private static final List<String> SERVICES =
            List.of("intake-service", "scheduling-service", "billing-service", "monitoring-service");

    private static final Map<String, String> DATABASE_BY_SERVICE = Map.of(
            "intake-service", "intake",
            "scheduling-service", "scheduling",
            "billing-service", "billing",
            "monitoring-service", "monitoring");

    private static final List<String> ALERTS = List.of(
            "ServiceDown",
            "ConsumerLagHigh",
            "OutboxBacklog",
            "EventsFailing",
            "DeadLettersPending",
            "AuditWriteFailures",
            "HighHttpErrorRate");

    private static final Path REPO_ROOT = findRepoRoot();
    private static final Path DEPLOY = REPO_ROOT.resolve("deploy");
    private static final Path PROMETHEUS = DEPLOY.resolve("prometheus");
    private static final Path GRAFANA = DEPLOY.resolve("grafana");
    private static final Path K8S = DEPLOY.resolve("k8s");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<ObjectMapper> YAML = yamlMapper();
    private static final boolean PROMTOOL_AVAILABLE = promtoolAvailable();

    // --- promtool ---------------------------------------------------------------------------

    @Test
    void prometheusConfigurationsPassPromtoolCheck() throws Exception {
        requirePromtool();
        List<Path> configs = filesIn(PROMETHEUS, "prometheus", ".yml");
        assertThat(configs)
                .extracting(path -> path.getFileName().toString())
                .contains("prometheus.yml", "prometheus-local.yml");

        for (Path config : configs) {
            assertPromtoolSucceeds(PROMETHEUS, "check", "config", config.toString());
        }
    }

    @Test
    void ruleFilesPassPromtoolCheck() throws Exception {
        requirePromtool();
        List<Path> ruleFiles = filesIn(PROMETHEUS.resolve("rules"), "", ".yml");
        assertThat(ruleFiles).isNotEmpty();

        for (Path ruleFile : ruleFiles) {
            assertPromtoolSucceeds(PROMETHEUS, "check", "rules", ruleFile.toString());
        }
    }

    @Test
    void rulesBehaveAsTheirUnitTestsExpect() throws Exception {
        requirePromtool();
        List<Path> testFiles = filesIn(PROMETHEUS.resolve("tests"), "", ".yml");
        assertThat(testFiles).isNotEmpty();

        for (Path testFile : testFiles) {
            assertPromtoolSucceeds(PROMETHEUS, "test", "rules", testFile.toString());
        }
    }

    @Test
    void dashboardQueriesAreValidPromql(@TempDir Path tempDir) throws Exception {
        requirePromtool();
        // promtool has no offline "check this expression", so every dashboard query becomes a
        // recording rule (with Grafana's variables replaced) and the file goes through check rules.
        ObjectNode rules = JSON.createObjectNode();
        ArrayNode ruleList = rules.putArray("groups")
                .addObject()
                .put("name", "dashboard-queries")
                .putArray("rules");
        for (Path dashboard : dashboards()) {
            for (JsonNode panel : panels(JSON.readTree(dashboard))) {
                for (JsonNode target : panel.path("targets")) {
                    String expr =
                            withGrafanaVariablesReplaced(target.path("expr").asString(""));
                    ruleList.addObject()
                            .put("record", "dashboard:query_" + ruleList.size())
                            .put("expr", expr);
                }
            }
        }
        assertThat(ruleList).isNotEmpty();
        // JSON is YAML, so promtool reads this file as it is.
        Path ruleFile = Files.writeString(tempDir.resolve("dashboard-queries.yml"), JSON.writeValueAsString(rules));

        assertPromtoolSucceeds(tempDir, "check", "rules", ruleFile.toString());
    }

    // --- Grafana dashboards (JSON only) -----------------------------------------------------

    @Test
    void everyDashboardPanelQueriesPrometheusByUidWithAnExpression() throws IOException {
        List<Path> dashboards = dashboards();
        assertThat(dashboards).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (Path dashboard : dashboards) {
            JsonNode root = JSON.readTree(dashboard);
            String name = dashboard.getFileName().toString();
            assertThat(root.path("schemaVersion").asInt())
                    .as("%s schemaVersion", name)
                    .isGreaterThanOrEqualTo(39);
            assertThat(root.path("uid").asString("")).as("%s uid", name).isNotBlank();

            List<JsonNode> panels = panels(root);
            assertThat(panels).as("%s panels", name).isNotEmpty();
            for (JsonNode panel : panels) {
                String where = name + " / panel \"" + panel.path("title").asString("?") + "\"";
                JsonNode targets = panel.path("targets");
                if (targets.isEmpty()) {
                    problems.add(where + " has no query");
                }
                for (JsonNode target : targets) {
                    if (target.path("expr").asString("").isBlank()) {
                        problems.add(where + " target " + target.path("refId").asString("?") + " has no expr");
                    }
                    JsonNode datasource =
                            target.has("datasource") ? target.path("datasource") : panel.path("datasource");
                    if (!"prometheus".equals(datasource.path("uid").asString(""))) {
                        problems.add(where + " target " + target.path("refId").asString("?")
                                + " does not use datasource uid prometheus: " + datasource);
                    }
                }
            }
            for (JsonNode variable : root.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asString(""))
                        && !"prometheus".equals(text(variable, "datasource", "uid"))) {
                    problems.add(name + " / variable " + variable.path("name").asString("?")
                            + " does not use datasource uid prometheus");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void platformDashboardCanBeFilteredByServiceAndSite() throws IOException {
        JsonNode dashboard = JSON.readTree(GRAFANA.resolve("dashboards/platform.json"));
        Map<String, JsonNode> variables = new HashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            variables.put(variable.path("name").asString(""), variable);
        }

        assertThat(variables).containsKeys("service", "site");
        JsonNode service = variables.get("service");
        assertThat(service.path("includeAll").asBoolean()).isTrue();
        assertThat(service.path("definition").asString(""))
                .isEqualTo("label_values(clinic_events_published_total, application)");
        assertThat(panels(dashboard))
                .flatExtracting(panel -> panel.path("targets").values())
                .extracting(target -> target.path("expr").asString(""))
                .anySatisfy(
                        expr -> assertThat(expr).contains("clinic_events_published_total{application=~\"$service\"}"))
                .anySatisfy(expr -> assertThat(expr).contains("histogram_quantile(0.95"));
    }

    // --- YAML (needs jackson-dataformat-yaml) -----------------------------------------------

    @Test
    void composeStartsEveryServiceWithItsOwnDatabaseOnceKafkaAndMongoAreHealthy() {
        JsonNode compose = readYaml(DEPLOY.resolve("docker-compose.yml")).get(0);
        JsonNode services = compose.path("services");

        assertThat(services.propertyNames())
                .contains("kafka", "mongo", "prometheus", "grafana")
                .containsAll(SERVICES);
        for (int i = 0; i < SERVICES.size(); i++) {
            String name = SERVICES.get(i);
            String port = String.valueOf(8081 + i);
            JsonNode service = services.path(name);
            JsonNode environment = service.path("environment");

            assertThat(text(service, "build", "dockerfile")).isEqualTo("deploy/Dockerfile");
            assertThat(text(service, "build", "args", "SERVICE")).isEqualTo(name);
            assertThat(environment.path("SERVER_PORT").asString("")).isEqualTo(port);
            // as the service's own database user (DeployMongoAccessTest checks the credentials)
            assertThat(environment.path("SPRING_MONGODB_URI").asString(""))
                    .startsWith("mongodb://" + name + ":")
                    .contains("@mongo:27017/" + DATABASE_BY_SERVICE.get(name) + "?replicaSet=rs0");
            assertThat(environment.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString(""))
                    .isEqualTo("kafka:9092");
            assertThat(service.path("ports").values())
                    .extracting(p -> p.asString(""))
                    .contains(port + ":" + port);
            assertThat(text(service, "depends_on", "kafka", "condition")).isEqualTo("service_healthy");
            assertThat(text(service, "depends_on", "mongo", "condition")).isEqualTo("service_healthy");
        }
        assertThat(services.path("mongo").has("healthcheck")).isTrue();
        assertThat(services.path("kafka").has("healthcheck")).isTrue();
    }

    @Test
    void everyPrometheusConfigScrapesAllFourServices() throws IOException {
        for (Path config : filesIn(PROMETHEUS, "prometheus", ".yml")) {
            JsonNode root = readYaml(config).get(0);
            Map<String, JsonNode> jobs = new HashMap<>();
            for (JsonNode job : root.path("scrape_configs")) {
                jobs.put(job.path("job_name").asString(""), job);
            }

            assertThat(text(root, "global", "scrape_interval"))
                    .as("%s scrape_interval", config.getFileName())
                    .isEqualTo("15s");
            assertThat(root.path("rule_files").values())
                    .extracting(f -> f.asString(""))
                    .as("%s rule_files", config.getFileName())
                    .contains("rules/*.yml");
            assertThat(jobs).as("%s jobs", config.getFileName()).containsKeys(SERVICES.toArray(String[]::new));
            for (String service : SERVICES) {
                assertThat(jobs.get(service).path("metrics_path").asString(""))
                        .as("%s %s metrics_path", config.getFileName(), service)
                        .isEqualTo("/actuator/prometheus");
            }
        }
    }

    @Test
    void everyAlertHasASeverityAndExplainsItself() throws IOException {
        Set<String> alertNames = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path ruleFile : filesIn(PROMETHEUS.resolve("rules"), "", ".yml")) {
            for (JsonNode group : readYaml(ruleFile).get(0).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String alert = rule.path("alert").asString("");
                    if (alert.isEmpty()) {
                        continue;
                    }
                    alertNames.add(alert);
                    if (!Set.of("critical", "warning", "info").contains(text(rule, "labels", "severity"))) {
                        problems.add(alert + " has no severity critical|warning|info");
                    }
                    for (String annotation : List.of("summary", "description")) {
                        if (text(rule, "annotations", annotation).isBlank()) {
                            problems.add(alert + " has no " + annotation);
                        }
                    }
                }
            }
        }

        assertThat(alertNames).containsAll(ALERTS);
        assertThat(problems).isEmpty();
    }

    @Test
    void kubernetesServicesHaveHealthProbesAndResourceRequests() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (Path manifest : filesIn(K8S, "", ".yaml")) {
            documents.addAll(readYaml(manifest));
        }
        assertThat(documents).allSatisfy(document -> {
            assertThat(document.path("apiVersion").asString("")).isNotBlank();
            assertThat(document.path("kind").asString("")).isNotBlank();
        });

        List<String> deployed = new ArrayList<>();
        for (JsonNode document : documents) {
            String name = text(document, "metadata", "name");
            if (!"Deployment".equals(document.path("kind").asString("")) || !SERVICES.contains(name)) {
                continue;
            }
            deployed.add(name);
            JsonNode container = document.at("/spec/template/spec/containers/0");

            assertThat(container.path("image").asString("")).isEqualTo("clinicops/" + name + ":0.1.0");
            assertThat(text(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(text(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(container.has("startupProbe"))
                    .as("%s startupProbe", name)
                    .isTrue();
            assertThat(text(container, "resources", "requests", "cpu"))
                    .as("%s cpu request", name)
                    .isNotBlank();
            assertThat(text(container, "resources", "limits", "memory"))
                    .as("%s memory limit", name)
                    .isNotBlank();
        }
        assertThat(deployed).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void kustomizationsIncludeEveryManifestRuleFileAndDashboard() throws IOException {
        JsonNode k8s = readYaml(K8S.resolve("kustomization.yaml")).get(0);
        List<String> resources = k8s.path("resources").values().stream()
                .map(resource -> resource.asString(""))
                .toList();
        assertThat(resources)
                .allSatisfy(resource -> assertThat(K8S.resolve(resource)).exists());
        assertThat(resources).contains("../prometheus", "../grafana");
        for (Path manifest : filesIn(K8S, "", ".yaml")) {
            String file = manifest.getFileName().toString();
            if (!file.equals("kustomization.yaml")) {
                assertThat(resources)
                        .as("resources of deploy/k8s/kustomization.yaml")
                        .contains(file);
            }
        }

        assertThat(generatedFiles(PROMETHEUS, "prometheus-rules"))
                .as("rule files in deploy/prometheus/kustomization.yaml")
                .containsExactlyInAnyOrderElementsOf(relativeNames(PROMETHEUS, "rules", ".yml"));
        assertThat(generatedFiles(GRAFANA, "grafana-dashboards"))
                .as("dashboards in deploy/grafana/kustomization.yaml")
                .containsExactlyInAnyOrderElementsOf(relativeNames(GRAFANA, "dashboards", ".json"));
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Path findRepoRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("prometheus"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory containing deploy/prometheus at or above " + start);
    }

    private static List<Path> filesIn(Path dir, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().startsWith(prefix))
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static List<String> relativeNames(Path base, String subdirectory, String suffix) throws IOException {
        return filesIn(base.resolve(subdirectory), "", suffix).stream()
                .map(file -> subdirectory + "/" + file.getFileName())
                .toList();
    }

    /** The text at {@code path} below {@code node}, or "" when there is none. */
    private static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            current = current.path(name);
        }
        return current.asString("");
    }

    private static List<Path> dashboards() throws IOException {
        return filesIn(GRAFANA.resolve("dashboards"), "", ".json");
    }

    /** All panels of a dashboard, including those nested in (collapsed) rows; rows themselves are left out. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asString(""))) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static String withGrafanaVariablesReplaced(String expr) {
        return expr.replace("$__rate_interval", "5m")
                .replace("$__interval", "1m")
                .replace("$__range", "1h")
                .replaceAll("\\$\\{?\\w+}?", ".*");
    }

    private static List<String> generatedFiles(Path kustomizationDir, String configMap) {
        JsonNode kustomization =
                readYaml(kustomizationDir.resolve("kustomization.yaml")).get(0);
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            if (configMap.equals(generator.path("name").asString(""))) {
                return generator.path("files").values().stream()
                        .map(file -> file.asString(""))
                        .toList();
            }
        }
        return List.of();
    }

    private static List<JsonNode> readYaml(Path file) {
        assumeTrue(
                YAML.isPresent(),
                "tools.jackson.dataformat:jackson-dataformat-yaml is not on the test classpath; YAML checks skipped");
        List<JsonNode> documents =
                YAML.get().readerFor(JsonNode.class).<JsonNode>readValues(file).readAll();
        assertThat(documents).as("YAML documents in %s", file).isNotEmpty();
        return documents;
    }

    private static Optional<ObjectMapper> yamlMapper() {
        try {
            Class<?> mapperType = Class.forName("tools.jackson.dataformat.yaml.YAMLMapper");
            return Optional.of(
                    (ObjectMapper) mapperType.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static void requirePromtool() {
        assumeTrue(PROMTOOL_AVAILABLE, "promtool is not on the PATH; promtool checks skipped");
    }

    private static boolean promtoolAvailable() {
        try {
            Process process = new ProcessBuilder("promtool", "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void assertPromtoolSucceeds(Path workingDir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("promtool", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(2, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String log = Files.readString(output, UTF_8);

            assertThat(finished)
                    .as("%s did not finish in 2 minutes:%n%s", command, log)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("%s exited with an error:%n%s", String.join(" ", command), log)
                    .isZero();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
