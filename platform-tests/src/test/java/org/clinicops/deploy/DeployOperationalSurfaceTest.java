package org.clinicops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.deploy.DeployFiles.DEPLOY;
import static org.clinicops.deploy.DeployFiles.K8S;
import static org.clinicops.deploy.DeployFiles.PORT_BY_SERVICE;
import static org.clinicops.deploy.DeployFiles.commonServiceSettings;
import static org.clinicops.deploy.DeployFiles.composeServices;
import static org.clinicops.deploy.DeployFiles.container;
import static org.clinicops.deploy.DeployFiles.env;
import static org.clinicops.deploy.DeployFiles.kubernetes;
import static org.clinicops.deploy.DeployFiles.kubernetesDocuments;
import static org.clinicops.deploy.DeployFiles.kubernetesOfKind;
import static org.clinicops.deploy.DeployFiles.managementPort;
import static org.clinicops.deploy.DeployFiles.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operational surface of {@code deploy/}: no credential in the files (every password, secret
 * and key from {@code deploy/.env} or a Kubernetes Secret), metrics and health details only on the
 * management port (service port + 1000), which no Ingress or published port exposes, Prometheus
 * without its lifecycle API, Prometheus and Grafana for the operator only, and trusted proxies for
 * the ingress.
 */
class DeployOperationalSurfaceTest {

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile(".*(PASSWORD|SECRET|JAAS_CONFIG|MONGODB_URI).*|.*_KEY");

    private static final String REQUIRED_VARIABLE = "\\$\\{[A-Z0-9_]+:\\?[^}]*}";

    // --- credentials -----------------------------------------------------------------------------

    @Test
    void composeTakesEveryCredentialFromARequiredVariable() {
        List<String> problems = new ArrayList<>();
        composeServices().properties().forEach(service -> {
            for (var variable : service.getValue().path("environment").properties()) {
                String name = variable.getKey();
                String value = variable.getValue().asString("");
                if (!CREDENTIAL_NAME.matcher(name).matches() || name.endsWith("_FILE")) {
                    continue;
                }
                boolean credentialFromVariable =
                        Pattern.compile(REQUIRED_VARIABLE).matcher(value).find();
                if (!credentialFromVariable || value.contains(":-")) {
                    problems.add(service.getKey() + " " + name + "=" + value);
                }
            }
        });
        assertThat(problems)
                .as("credentials written into docker-compose.yml or with a default")
                .isEmpty();
    }

    @Test
    void kubernetesTakesEveryCredentialFromASecret() {
        List<String> problems = new ArrayList<>();
        for (JsonNode document : kubernetesDocuments()) {
            for (JsonNode container : document.at("/spec/template/spec/containers")) {
                for (JsonNode variable : container.path("env")) {
                    String name = text(variable, "name");
                    if (!CREDENTIAL_NAME.matcher(name).matches()) {
                        continue;
                    }
                    String value = text(variable, "value");
                    boolean fromSecret = variable.path("valueFrom").has("secretKeyRef");
                    boolean composedOfSecret = Pattern.compile("\\$\\((\\w+)\\)")
                            .matcher(value)
                            .results()
                            .anyMatch(match -> env(container, match.group(1))
                                    .path("valueFrom")
                                    .has("secretKeyRef"));
                    if (!fromSecret && !composedOfSecret) {
                        problems.add(text(document, "metadata", "name") + " " + name + "=" + value);
                    }
                }
            }
        }
        assertThat(problems).as("credentials not taken from a Secret").isEmpty();

        for (Path kustomization : List.of(
                K8S.resolve("kustomization.yaml"),
                DEPLOY.resolve("prometheus/kustomization.yaml"),
                DEPLOY.resolve("grafana/kustomization.yaml"),
                DEPLOY.resolve("mongo/kustomization.yaml"),
                DEPLOY.resolve("kafka/kustomization.yaml"))) {
            assertThat(DeployFiles.yaml(kustomization).get(0).has("secretGenerator"))
                    .as("%s generates no Secret from the repository", kustomization)
                    .isFalse();
        }
    }

    @Test
    void grafanaAndKeycloakAdminPasswordsComeFromSecrets() {
        JsonNode services = composeServices();
        assertThat(text(services.path("grafana"), "environment", "GF_SECURITY_ADMIN_PASSWORD"))
                .matches(REQUIRED_VARIABLE);
        assertThat(text(services.path("keycloak"), "environment", "KC_BOOTSTRAP_ADMIN_PASSWORD"))
                .matches(REQUIRED_VARIABLE);

        assertThat(text(
                        env(container(kubernetes("Deployment", "grafana")), "GF_SECURITY_ADMIN_PASSWORD"),
                        "valueFrom",
                        "secretKeyRef",
                        "name"))
                .isEqualTo("grafana-admin");
        assertThat(text(
                        env(container(kubernetes("Deployment", "keycloak")), "KC_BOOTSTRAP_ADMIN_PASSWORD"),
                        "valueFrom",
                        "secretKeyRef",
                        "name"))
                .isEqualTo("keycloak-credentials");
    }

    @Test
    void envExampleListsEveryVariableComposeRequires() {
        String compose = DeployFiles.read(DEPLOY.resolve("docker-compose.yml"));
        String example = DeployFiles.read(DEPLOY.resolve(".env.example"));

        var required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?")
                .matcher(compose)
                .results()
                .map(match -> match.group(1))
                .distinct()
                .toList();
        assertThat(required).contains("GRAFANA_ADMIN_PASSWORD", "MONGO_ROOT_PASSWORD", "KAFKA_ADMIN_PASSWORD");
        for (String variable : required) {
            assertThat(example).as(".env.example lists %s", variable).containsPattern("(?m)^" + variable + "=$");
        }
    }

    // --- what is published --------------------------------------------------------------------

    @Test
    void prometheusLifecycleApiIsOff() {
        assertThat(composeServices().path("prometheus").path("command").toString())
                .contains("--config.file")
                .doesNotContain("--web.enable-lifecycle");
        assertThat(container(kubernetes("Deployment", "prometheus"))
                        .path("args")
                        .toString())
                .contains("--config.file")
                .doesNotContain("--web.enable-lifecycle");
    }

    @Test
    void composePublishesOnlyTheServicesPublicPortsBeyondThisMachine() {
        List<String> problems = new ArrayList<>();
        composeServices().properties().forEach(service -> {
            Integer publicPort = PORT_BY_SERVICE.get(service.getKey());
            for (JsonNode port : service.getValue().path("ports")) {
                String mapping = port.asString("");
                boolean servicePublicPort = publicPort != null && mapping.equals(publicPort + ":" + publicPort);
                if (!servicePublicPort && !mapping.startsWith("127.0.0.1:")) {
                    problems.add(service.getKey() + " publishes " + mapping);
                }
                if (publicPort != null && mapping.contains(String.valueOf(publicPort + 1000))) {
                    problems.add(service.getKey() + " publishes its management port: " + mapping);
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(composeServices().path("grafana").path("ports").values())
                .extracting(port -> port.asString(""))
                .containsExactly("127.0.0.1:3000:3000");
        assertThat(composeServices().path("prometheus").path("ports").values())
                .extracting(port -> port.asString(""))
                .containsExactly("127.0.0.1:9090:9090");
    }

    @Test
    void composeServicesServeManagementOnTheirPortPlusOneThousandAndCheckHealthOnThePublicPort() {
        PORT_BY_SERVICE.forEach((service, port) -> {
            JsonNode definition = composeServices().path(service);
            JsonNode environment = definition.path("environment");

            assertThat(text(environment, "MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(managementPort(service)));
            assertThat(text(environment, "MANAGEMENT_SERVER_ADDRESS")).isEqualTo("0.0.0.0");
            assertThat(definition.path("healthcheck").path("test").toString())
                    .as("%s healthcheck", service)
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
        });
    }

    @Test
    void kubernetesProbesUseThePublicPortAndManagementHasItsOwnService() {
        assertThat(commonServiceSettings()).containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0");
        PORT_BY_SERVICE.forEach((service, port) -> {
            JsonNode container = container(kubernetes("Deployment", service));
            Map<String, Integer> ports = new HashMap<>();
            container
                    .path("ports")
                    .forEach(p ->
                            ports.put(text(p, "name"), p.path("containerPort").asInt()));

            assertThat(ports).containsEntry("http", port).containsEntry("management", managementPort(service));
            assertThat(text(env(container, "MANAGEMENT_SERVER_PORT"), "value"))
                    .isEqualTo(String.valueOf(managementPort(service)));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(text(container, probe, "httpGet", "port"))
                        .as("%s %s", service, probe)
                        .isEqualTo("http");
                assertThat(text(container, probe, "httpGet", "path"))
                        .isIn("/actuator/health/liveness", "/actuator/health/readiness");
            }

            assertThat(kubernetes("Service", service).path("spec").path("ports").values())
                    .as("public Service %s", service)
                    .extracting(p -> text(p, "targetPort"))
                    .containsExactly("http");
            assertThat(kubernetes("Service", service + "-management")
                            .path("spec")
                            .path("ports")
                            .values())
                    .extracting(
                            p -> text(p, "targetPort") + " " + p.path("port").asInt())
                    .containsExactly("management " + managementPort(service));
        });
    }

    @Test
    void noIngressRoutesToAManagementPort() {
        List<JsonNode> ingresses = kubernetesOfKind("Ingress");
        assertThat(ingresses).isNotEmpty();

        List<String> backends = new ArrayList<>();
        for (JsonNode ingress : ingresses) {
            ingress.path("spec")
                    .path("rules")
                    .forEach(rule -> rule.path("http")
                            .path("paths")
                            .forEach(path -> backends.add(backend(path.path("backend")))));
            if (ingress.path("spec").has("defaultBackend")) {
                backends.add(backend(ingress.path("spec").path("defaultBackend")));
            }
        }
        assertThat(backends)
                .containsExactlyInAnyOrderElementsOf(PORT_BY_SERVICE.keySet().stream()
                        .map(service -> service + " http")
                        .toList());
    }

    @Test
    void onlyPrometheusMayReachTheManagementPorts() {
        JsonNode policy = kubernetes("NetworkPolicy", "services-management");
        assertThat(text(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/component"))
                .isEqualTo("service");

        List<String> rules = new ArrayList<>();
        for (JsonNode rule : policy.path("spec").path("ingress")) {
            String from = rule.has("from") ? rule.path("from").toString() : "anyone";
            rule.path("ports").forEach(port -> rules.add(text(port, "port") + " from " + from));
        }
        assertThat(rules)
                .containsExactlyInAnyOrder(
                        "http from anyone",
                        "management from [{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"prometheus\"}}}]");
        assertThat(text(
                        kubernetes("Deployment", "prometheus"),
                        "spec",
                        "template",
                        "metadata",
                        "labels",
                        "app.kubernetes.io/name"))
                .isEqualTo("prometheus");
    }

    @Test
    void mongoAndKafkaAnswerOnlyTheServicesAndTheirSetupJobs() {
        Map<String, String> jobOf = Map.of("mongo", "mongo-init", "kafka", "kafka-setup");
        jobOf.forEach((server, job) -> {
            JsonNode policy = kubernetes("NetworkPolicy", server + "-clients");
            assertThat(text(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))
                    .isEqualTo(server);
            assertThat(policy.path("spec").path("ingress").values())
                    .singleElement()
                    .satisfies(rule -> {
                        assertThat(rule.path("from").values())
                                .extracting(from -> from.path("podSelector")
                                        .path("matchLabels")
                                        .toString())
                                .containsExactlyInAnyOrder(
                                        "{\"app.kubernetes.io/component\":\"service\"}",
                                        "{\"app.kubernetes.io/name\":\"" + job + "\"}");
                        assertThat(rule.path("ports").values())
                                .extracting(port -> text(port, "port"))
                                .containsExactly(server);
                    });
            assertThat(text(kubernetes("Job", job), "spec", "template", "metadata", "labels", "app.kubernetes.io/name"))
                    .isEqualTo(job);
        });
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        Map<String, String> hostFormat = Map.of(
                "prometheus.yml", "%s:%d",
                "prometheus-local.yml", "localhost:%2$d",
                "prometheus-k8s.yml", "%s-management:%d");
        hostFormat.forEach((file, format) -> {
            JsonNode config =
                    DeployFiles.yaml(DEPLOY.resolve("prometheus").resolve(file)).get(0);
            Map<String, String> targets = new HashMap<>();
            config.path("scrape_configs")
                    .forEach(job -> targets.put(
                            text(job, "job_name"),
                            job.at("/static_configs/0/targets/0").asString("")));
            PORT_BY_SERVICE
                    .keySet()
                    .forEach(service -> assertThat(targets.get(service))
                            .as("%s target of %s", file, service)
                            .isEqualTo(format.formatted(service, managementPort(service))));
        });
    }

    // --- trusted proxies -------------------------------------------------------------------------

    @Test
    void kubernetesTrustsForwardedAddressesFromTheIngressControllerOnly() {
        Map<String, String> common = commonServiceSettings();
        assertThat(common).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        Pattern proxies = Pattern.compile(common.get("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES"));

        assertThat(proxies.matcher("10.244.1.17").matches())
                .as("an ingress-nginx pod of kind")
                .isTrue();
        for (String untrusted : List.of("203.0.113.9", "192.168.1.20", "172.17.0.1", "10.96.0.10", "127.0.0.1")) {
            assertThat(proxies.matcher(untrusted).matches())
                    .as("%s trusted as a proxy", untrusted)
                    .isFalse();
        }
    }

    @Test
    void composeTrustsNoForwardedAddressBecauseNothingProxiesIt() {
        PORT_BY_SERVICE
                .keySet()
                .forEach(service -> assertThat(
                                text(composeServices().path(service), "environment", "SERVER_FORWARD_HEADERS_STRATEGY"))
                        .as("%s", service)
                        .isEqualTo("none"));
    }

    // --- the README says it --------------------------------------------------------------------

    @Test
    void readmeNamesEveryCredentialAndSaysTheLocalStackHasNone() {
        String readme = DeployFiles.read(DEPLOY.resolve("README.md"));

        assertThat(readme)
                .contains("./clinic up")
                .contains("without credentials")
                .contains("mongo-credentials", "kafka-credentials", "grafana-admin", "keycloak-credentials")
                .contains("topic-access.txt", "service-access.json")
                .contains("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES")
                .doesNotContain("/-/reload");
    }

    private static String backend(JsonNode backend) {
        JsonNode service = backend.path("service");
        String port = service.path("port").has("name")
                ? text(service, "port", "name")
                : String.valueOf(service.path("port").path("number").asInt());
        return text(service, "name") + " " + port;
    }
}
