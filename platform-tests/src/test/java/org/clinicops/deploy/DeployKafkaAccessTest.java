package org.clinicops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.deploy.DeployFiles.DEPLOY;
import static org.clinicops.deploy.DeployFiles.PORT_BY_SERVICE;
import static org.clinicops.deploy.DeployFiles.REPO_ROOT;
import static org.clinicops.deploy.DeployFiles.commonServiceSettings;
import static org.clinicops.deploy.DeployFiles.composeServices;
import static org.clinicops.deploy.DeployFiles.container;
import static org.clinicops.deploy.DeployFiles.env;
import static org.clinicops.deploy.DeployFiles.kubernetes;
import static org.clinicops.deploy.DeployFiles.text;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clinicops.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kafka in {@code deploy/}: SASL/SCRAM on every listener a client can reach, ACLs decided by
 * {@code deploy/kafka/topic-access.txt}, which must agree with the contract (the producer of each
 * topic, {@link EventType#producer()}) and with the services' {@code @KafkaListener}s; the setup
 * script is run against stub Kafka tools and the ACLs it asks for are compared with both.
 */
class DeployKafkaAccessTest {

    private static final Path KAFKA = DEPLOY.resolve("kafka");
    private static final String DLT = ".dlt";

    // --- topic-access.txt against the contract and the code --------------------------------------

    @Test
    void everyTopicIsListedOnceWithTheProducerTheContractNames() {
        Map<String, Row> rows = topicAccess();

        assertThat(rows.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventType.values()).map(EventType::topic).toList());
        for (EventType type : EventType.values()) {
            Row row = rows.get(type.topic());
            assertThat(row.producer()).as("producer of %s", type.topic()).isEqualTo(type.producer());
            assertThat(row.cleanup())
                    .as("cleanup policy of %s", type.topic())
                    .isEqualTo(type.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void everyServiceMayReadExactlyTheTopicsItListensTo() throws IOException {
        Map<String, Set<String>> listening = listenersByTopic();
        assertThat(listening).as("@KafkaListener topics found in the services").isNotEmpty();

        Map<String, Set<String>> granted = new TreeMap<>();
        topicAccess().forEach((topic, row) -> granted.put(topic, new TreeSet<>(row.consumers())));
        Map<String, Set<String>> expected = new TreeMap<>();
        for (EventType type : EventType.values()) {
            expected.put(type.topic(), new TreeSet<>(listening.getOrDefault(type.topic(), Set.of())));
        }

        assertThat(granted).isEqualTo(expected);
        // a listener on a dead-letter topic is covered by the grant on <topic>.dlt to its consumers
        listening.forEach((topic, services) -> {
            if (topic.endsWith(DLT)) {
                String base = topic.substring(0, topic.length() - DLT.length());
                assertThat(granted.getOrDefault(base, Set.of()))
                        .as("consumers of %s (listened to on %s)", base, topic)
                        .containsAll(services);
            }
        });
    }

    // --- what kafka-setup.sh asks the broker for -------------------------------------------------

    @Test
    void setupScriptGrantsEachServiceItsOwnTopicsAndNothingElse(@TempDir Path temp) throws Exception {
        List<String> calls = runSetupScript(temp);
        List<Acl> acls = acls(calls);
        assertThat(acls).isNotEmpty();

        for (String service : PORT_BY_SERVICE.keySet()) {
            String principal = "User:" + service;
            Set<String> owned = new TreeSet<>();
            Set<String> consumed = new TreeSet<>();
            topicAccess().forEach((topic, row) -> {
                if (row.producer().equals(service)) {
                    owned.add(topic);
                }
                if (row.consumers().contains(service)) {
                    consumed.add(topic);
                }
            });
            List<Acl> mine = acls.stream()
                    .filter(acl -> acl.principal().equals(principal))
                    .toList();

            assertThat(literalTopics(mine, "Write"))
                    .as("%s writes", service)
                    .containsExactlyInAnyOrderElementsOf(union(owned, withDlt(consumed)));
            assertThat(literalTopics(mine, "Read"))
                    .as("%s reads", service)
                    .containsExactlyInAnyOrderElementsOf(union(consumed, withDlt(consumed)));
            for (EventType type : EventType.values()) {
                if (!type.producer().equals(service)) {
                    assertThat(literalTopics(mine, "Write"))
                            .as("%s must not write %s", service, type.topic())
                            .doesNotContain(type.topic());
                }
            }
            assertThat(mine)
                    .filteredOn(acl -> acl.resourceType().equals("group"))
                    .extracting(acl -> acl.operation() + " " + acl.patternType() + " " + acl.name())
                    .containsExactly("Read prefixed " + service);
            assertThat(mine)
                    .filteredOn(acl -> acl.patternType().equals("prefixed")
                            && acl.resourceType().equals("topic"))
                    .extracting(acl -> acl.operation() + " " + acl.name())
                    .containsExactly("Describe clinic.");
            assertThat(mine)
                    .as("%s: no cluster, wildcard or transactional grants", service)
                    .allSatisfy(acl -> {
                        assertThat(acl.resourceType()).isIn("topic", "group");
                        assertThat(acl.name()).isNotEqualTo("*");
                    });
        }
        assertThat(acls)
                .extracting(Acl::principal)
                .allSatisfy(principal -> assertThat(PORT_BY_SERVICE.keySet()).contains(principal.substring(5)));
        assertThat(calls)
                .filteredOn(call -> call.startsWith("kafka-configs.sh"))
                .as("SCRAM users set up")
                .hasSize(PORT_BY_SERVICE.size())
                .allSatisfy(call -> assertThat(call).contains("SCRAM-SHA-512=[iterations=8192,password="));
    }

    @Test
    void setupScriptCreatesEveryTopicWithItsDeadLetterTopic(@TempDir Path temp) throws Exception {
        List<String> created = runSetupScript(temp).stream()
                .filter(call -> call.startsWith("kafka-topics.sh") && call.contains("--create"))
                .toList();

        Set<String> expected = new TreeSet<>();
        for (EventType type : EventType.values()) {
            expected.add(type.topic());
            expected.add(type.topic() + DLT);
        }
        assertThat(created).extracting(call -> argument(call, "--topic")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(created)
                .filteredOn(call -> call.contains("cleanup.policy=compact"))
                .extracting(call -> argument(call, "--topic"))
                .containsExactly(EventType.SITE_UPDATED.topic());
    }

    // --- broker and clients in compose and Kubernetes ---------------------------------------------

    @Test
    void composeBrokerAuthenticatesEveryClientListenerAndDecidesByAcl() {
        JsonNode kafka = composeServices().path("kafka");
        assertBrokerLockedDown(kafka.path("environment")::path, "compose");

        assertThat(kafka.path("command").toString()).contains("/opt/clinicops/kafka/kafka-start.sh");
        assertThat(text(kafka, "environment", "CLINIC_KAFKA_ADMIN_PASSWORD")).matches(requiredVariable());
        assertThat(kafka.path("ports").values())
                .extracting(port -> port.asString(""))
                .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        assertThat(composeServices().path("kafka-setup").path("command").toString())
                .contains("/opt/clinicops/kafka/kafka-setup.sh");
    }

    @Test
    void kubernetesBrokerAuthenticatesEveryClientListenerAndDecidesByAcl() {
        JsonNode kafka = container(kubernetes("StatefulSet", "kafka"));
        assertBrokerLockedDown(name -> env(kafka, name).path("value"), "k8s");

        assertThat(kafka.path("command").toString()).contains("/opt/clinicops/kafka/kafka-start.sh");
        assertThat(text(env(kafka, "CLINIC_KAFKA_ADMIN_PASSWORD"), "valueFrom", "secretKeyRef", "name"))
                .isEqualTo("kafka-credentials");
        assertThat(kubernetes("Service", "kafka").path("spec").path("ports").values())
                .extracting(port -> port.path("port").asInt())
                .containsExactly(9092);
        assertThat(container(kubernetes("Job", "kafka-setup")).path("command").toString())
                .contains("/opt/clinicops/kafka/kafka-setup.sh");
    }

    @Test
    void composeServicesConnectAsTheirOwnScramUser() {
        JsonNode services = composeServices();
        for (String service : PORT_BY_SERVICE.keySet()) {
            JsonNode environment = services.path(service).path("environment");

            assertThat(text(environment, "SPRING_KAFKA_SECURITY_PROTOCOL")).isIn("SASL_PLAINTEXT", "SASL_SSL");
            assertThat(text(environment, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"))
                    .isEqualTo("SCRAM-SHA-512");
            assertThat(text(environment, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .as("%s JAAS", service)
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                    .contains("username=\"" + service + "\"")
                    .containsPattern("password=\"\\$\\{KAFKA_[A-Z]+_PASSWORD:\\?[^}]*}\";$");
        }
    }

    @Test
    void kubernetesServicesConnectAsTheirOwnScramUserWithThePasswordFromASecret() {
        Map<String, String> common = commonServiceSettings();
        assertThat(common.get("SPRING_KAFKA_SECURITY_PROTOCOL")).isIn("SASL_PLAINTEXT", "SASL_SSL");
        assertThat(common.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");

        for (String service : PORT_BY_SERVICE.keySet()) {
            JsonNode container = container(kubernetes("Deployment", service));
            String jaas = text(env(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"), "value");
            Matcher password = Pattern.compile("password=\"\\$\\((\\w+)\\)\";$").matcher(jaas);

            assertThat(jaas).as("%s JAAS", service).contains("username=\"" + service + "\"");
            assertThat(password.find())
                    .as("%s JAAS password from a variable", service)
                    .isTrue();
            JsonNode secret =
                    env(container, password.group(1)).path("valueFrom").path("secretKeyRef");
            assertThat(text(secret, "name")).isEqualTo("kafka-credentials");
            assertThat(text(secret, "key")).isEqualTo(service);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    record Row(String topic, String producer, List<String> consumers, String cleanup) {}

    record Acl(String principal, String operation, String resourceType, String patternType, String name) {}

    static Map<String, Row> topicAccess() {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : DeployFiles.read(KAFKA.resolve("topic-access.txt")).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            assertThat(columns).as("columns of \"%s\"", trimmed).hasSize(4);
            Row row = new Row(columns[0], columns[1], List.of(columns[2].split(",")), columns[3]);
            assertThat(rows.put(row.topic(), row))
                    .as("%s listed twice", row.topic())
                    .isNull();
        }
        return rows;
    }

    /**
     * Topic to the services with a {@code @KafkaListener} on it, read from the services' sources (the
     * working tree, not possibly older installed jars); a {@code #{T(SomeClass).method()}} expression
     * is evaluated by calling the method.
     */
    private static Map<String, Set<String>> listenersByTopic() throws IOException {
        Map<String, Set<String>> listening = new TreeMap<>();
        for (String service : PORT_BY_SERVICE.keySet()) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(REPO_ROOT.resolve(service).resolve("src/main/java"))) {
                sources =
                        files.filter(file -> file.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                String code = Files.readString(source);
                for (int at = code.indexOf(LISTENER); at >= 0; at = code.indexOf(LISTENER, at + 1)) {
                    String arguments = balancedArguments(code, at + LISTENER.length() - 1);
                    assertThat(arguments)
                            .as("topic patterns in %s cannot be checked against the ACLs", source)
                            .doesNotContain("topicPattern");
                    Matcher declared = TOPICS.matcher(arguments);
                    assertThat(declared.find())
                            .as("topics of a listener in %s", source)
                            .isTrue();
                    List<String> literals = new ArrayList<>();
                    Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(declared.group(1));
                    while (literal.find()) {
                        literals.add(literal.group(1));
                    }
                    for (String topic : topics(literals.toArray(String[]::new))) {
                        listening.computeIfAbsent(topic, t -> new TreeSet<>()).add(service);
                    }
                }
            }
        }
        return listening;
    }

    private static final String LISTENER = "@KafkaListener(";

    private static final Pattern TOPICS = Pattern.compile("topics\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")");

    /** The text between the parenthesis at {@code open} and its match, strings taken into account. */
    private static String balancedArguments(String code, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' && code.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')' && --depth == 0) {
                return code.substring(open + 1, i);
            }
        }
        throw new AssertionError("unbalanced @KafkaListener at " + open);
    }

    private static final Pattern STATIC_CALL = Pattern.compile("#\\{T\\(([\\w.$]+)\\)\\.(\\w+)\\(\\)}");

    /** Literal topics, or a {@code #{T(SomeClass).method()}} expression evaluated by calling it. */
    private static List<String> topics(String[] declared) {
        List<String> topics = new ArrayList<>();
        for (String topic : declared) {
            Matcher call = STATIC_CALL.matcher(topic);
            if (call.matches()) {
                try {
                    Method method = Class.forName(call.group(1)).getDeclaredMethod(call.group(2));
                    method.setAccessible(true);
                    Object value = method.invoke(null);
                    topics.addAll(value instanceof String[] array ? List.of(array) : List.of(String.valueOf(value)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot evaluate listener topics " + topic, e);
                }
            } else {
                assertThat(topic).as("listener topic").doesNotContain("#{", "${");
                topics.add(topic);
            }
        }
        return topics;
    }

    /**
     * Runs deploy/kafka/kafka-setup.sh with stub Kafka tools that record their arguments, and returns
     * one line per call ("tool args...").
     */
    static List<String> runSetupScript(Path temp) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run kafka-setup.sh");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path log = temp.resolve("calls.log");
        for (String tool :
                List.of("kafka-broker-api-versions.sh", "kafka-configs.sh", "kafka-topics.sh", "kafka-acls.sh")) {
            Path stub = bin.resolve(tool);
            Files.writeString(
                    stub,
                    "#!/bin/bash\nprintf '%s' \"" + tool + "\" >> \"" + log + "\"\n"
                            + "for a in \"$@\"; do printf ' %s' \"$a\" >> \"" + log + "\"; done\n"
                            + "echo >> \"" + log + "\"\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        }
        ProcessBuilder builder = new ProcessBuilder(
                        "/bin/bash", KAFKA.resolve("kafka-setup.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("out.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("CLINIC_KAFKA_BIN", bin.toString());
        environment.put("CLINIC_KAFKA_BOOTSTRAP", "kafka:9092");
        environment.put("CLINIC_KAFKA_ADMIN_PASSWORD", "adminsecret");
        environment.put("TMPDIR", temp.toString());
        for (String service : PORT_BY_SERVICE.keySet()) {
            environment.put(
                    "CLINIC_KAFKA_PASSWORD_" + service.toUpperCase().replace('-', '_'), "pw" + service.length());
        }
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES))
                .as("kafka-setup.sh finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("kafka-setup.sh exit code:%n%s", DeployFiles.read(temp.resolve("out.log")))
                .isZero();
        return List.of(DeployFiles.read(log).split("\n"));
    }

    /** The ACLs asked for by kafka-acls.sh --add calls: one per principal, operation and resource. */
    private static List<Acl> acls(List<String> calls) {
        List<Acl> acls = new ArrayList<>();
        for (String call : calls) {
            if (!call.startsWith("kafka-acls.sh")) {
                continue;
            }
            List<String> words = List.of(call.split(" "));
            assertThat(words)
                    .as("only additions: %s", call)
                    .contains("--add")
                    .doesNotContain("--remove", "--deny-principal");
            Map<String, List<String>> options = new HashMap<>();
            for (int i = 0; i < words.size() - 1; i++) {
                if (words.get(i).startsWith("--") && !words.get(i + 1).startsWith("--")) {
                    options.computeIfAbsent(words.get(i), k -> new ArrayList<>())
                            .add(words.get(i + 1));
                }
            }
            assertThat(words)
                    .as("no cluster or transactional-id grants: %s", call)
                    .doesNotContain("--cluster", "--transactional-id");
            String patternType = options.getOrDefault("--resource-pattern-type", List.of("literal"))
                    .get(0);
            for (String principal : options.getOrDefault("--allow-principal", List.of())) {
                for (String operation : options.getOrDefault("--operation", List.of())) {
                    for (String topic : options.getOrDefault("--topic", List.of())) {
                        acls.add(new Acl(principal, operation, "topic", patternType, topic));
                    }
                    for (String group : options.getOrDefault("--group", List.of())) {
                        acls.add(new Acl(principal, operation, "group", patternType, group));
                    }
                }
            }
        }
        return acls;
    }

    private static Set<String> literalTopics(List<Acl> acls, String operation) {
        Set<String> topics = new TreeSet<>();
        for (Acl acl : acls) {
            if (acl.resourceType().equals("topic")
                    && acl.patternType().equals("literal")
                    && acl.operation().equals(operation)) {
                topics.add(acl.name());
            }
        }
        return topics;
    }

    private static Set<String> withDlt(Set<String> topics) {
        Set<String> dlt = new TreeSet<>();
        topics.forEach(topic -> dlt.add(topic + DLT));
        return dlt;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static String argument(String call, String option) {
        List<String> words = List.of(call.split(" "));
        return words.get(words.indexOf(option) + 1);
    }

    /** A compose value that is only a required variable: {@code ${NAME:?message}}. */
    static String requiredVariable() {
        return "^\\$\\{[A-Z0-9_]+:\\?[^}]*}$";
    }

    private static void assertBrokerLockedDown(java.util.function.Function<String, JsonNode> setting, String stack) {
        String protocols = setting.apply("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asString("");
        String listeners = setting.apply("KAFKA_LISTENERS").asString("");
        assertThat(protocols).as("%s listener protocols", stack).isNotBlank();
        for (String mapping : protocols.split(",")) {
            String[] parts = mapping.split(":");
            if (parts[0].equals("CONTROLLER")) {
                assertThat(listeners)
                        .as("%s: the unauthenticated controller listener answers only inside the container", stack)
                        .contains("CONTROLLER://localhost:");
            } else {
                assertThat(parts[1]).as("%s listener %s", stack, parts[0]).isIn("SASL_PLAINTEXT", "SASL_SSL");
            }
        }
        assertThat(listeners).as("%s listeners", stack).doesNotContain("PLAINTEXT://");
        assertThat(setting.apply("KAFKA_SASL_ENABLED_MECHANISMS").asString("")).isEqualTo("SCRAM-SHA-512");
        assertThat(setting.apply("KAFKA_AUTHORIZER_CLASS_NAME").asString(""))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(setting.apply("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asString(""))
                .isEqualTo("false");
        assertThat(setting.apply("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asString(""))
                .isEqualTo("false");
        assertThat(setting.apply("KAFKA_SUPER_USERS").asString("").split(";"))
                .containsExactlyInAnyOrder("User:admin", "User:ANONYMOUS");
    }
}
