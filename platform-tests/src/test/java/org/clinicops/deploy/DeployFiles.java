package org.clinicops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The files under {@code deploy/}, read as data for the Deploy*Test classes. */
final class DeployFiles {

    /** The four services with their public port; the management port is the public port plus 1000. */
    static final Map<String, Integer> PORT_BY_SERVICE = orderedPorts();

    static final Map<String, String> DATABASE_BY_SERVICE = Map.of(
            "intake-service", "intake",
            "scheduling-service", "scheduling",
            "billing-service", "billing",
            "monitoring-service", "monitoring");

    static final int MANAGEMENT_PORT_OFFSET = 1000;

    static final Path REPO_ROOT = findRepoRoot();
    static final Path DEPLOY = REPO_ROOT.resolve("deploy");
    static final Path K8S = DEPLOY.resolve("k8s");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {}

    static int managementPort(String service) {
        return PORT_BY_SERVICE.get(service) + MANAGEMENT_PORT_OFFSET;
    }

    /** The services of deploy/docker-compose.yml by name. */
    static JsonNode composeServices() {
        return yaml(DEPLOY.resolve("docker-compose.yml")).get(0).path("services");
    }

    /** Every document of every manifest in deploy/k8s, except the kustomization. */
    static List<JsonNode> kubernetesDocuments() {
        List<JsonNode> documents = new ArrayList<>();
        for (Path manifest : files(K8S, ".yaml")) {
            if (!manifest.getFileName().toString().equals("kustomization.yaml")) {
                documents.addAll(yaml(manifest));
            }
        }
        return documents;
    }

    static JsonNode kubernetes(String kind, String name) {
        return kubernetesDocuments().stream()
                .filter(document -> kind.equals(text(document, "kind")))
                .filter(document -> name.equals(text(document, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    static List<JsonNode> kubernetesOfKind(String kind) {
        return kubernetesDocuments().stream()
                .filter(document -> kind.equals(text(document, "kind")))
                .toList();
    }

    /** The first container of a Deployment, StatefulSet or Job. */
    static JsonNode container(JsonNode workload) {
        return workload.at("/spec/template/spec/containers/0");
    }

    /** A container's env entry by name, or a missing node. */
    static JsonNode env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (name.equals(text(entry, "name"))) {
                return entry;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /** The literals of the generated ConfigMap clinicops-common in deploy/k8s/kustomization.yaml. */
    static Map<String, String> commonServiceSettings() {
        JsonNode kustomization = yaml(K8S.resolve("kustomization.yaml")).get(0);
        Map<String, String> settings = new LinkedHashMap<>();
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            if ("clinicops-common".equals(text(generator, "name"))) {
                for (JsonNode literal : generator.path("literals")) {
                    String line = literal.asString("");
                    int equals = line.indexOf('=');
                    settings.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        assertThat(settings).as("clinicops-common literals").isNotEmpty();
        return settings;
    }

    static List<JsonNode> yaml(Path file) {
        List<JsonNode> documents =
                YAML.readerFor(JsonNode.class).<JsonNode>readValues(file).readAll();
        assertThat(documents).as("YAML documents in %s", file).isNotEmpty();
        return documents;
    }

    static JsonNode json(Path file) {
        return JSON.readTree(file);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text at {@code path} below {@code node}, or "" when there is none. */
    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            current = current.path(name);
        }
        return current.asString("");
    }

    static Optional<String> serviceOfPackage(String packageName) {
        return PORT_BY_SERVICE.keySet().stream()
                .filter(service -> packageName.startsWith("org.clinicops." + service.replace("-service", "") + "."))
                .findFirst();
    }

    private static Map<String, Integer> orderedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake-service", 8081);
        ports.put("scheduling-service", 8082);
        ports.put("billing-service", 8083);
        ports.put("monitoring-service", 8084);
        return java.util.Collections.unmodifiableMap(ports);
    }

    private static Path findRepoRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory containing deploy/k8s at or above " + start);
    }
}
