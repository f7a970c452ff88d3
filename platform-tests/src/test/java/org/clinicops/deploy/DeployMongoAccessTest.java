package org.clinicops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.deploy.DeployFiles.DATABASE_BY_SERVICE;
import static org.clinicops.deploy.DeployFiles.DEPLOY;
import static org.clinicops.deploy.DeployFiles.PORT_BY_SERVICE;
import static org.clinicops.deploy.DeployFiles.REPO_ROOT;
import static org.clinicops.deploy.DeployFiles.commonServiceSettings;
import static org.clinicops.deploy.DeployFiles.composeServices;
import static org.clinicops.deploy.DeployFiles.container;
import static org.clinicops.deploy.DeployFiles.env;
import static org.clinicops.deploy.DeployFiles.kubernetes;
import static org.clinicops.deploy.DeployFiles.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * MongoDB in {@code deploy/}: access control on, root credentials and the replica set key from
 * secrets, one user per service limited to its own database, and {@code audit_log} append-only
 * (find and insert, never update or remove), as {@code deploy/mongo/service-access.json} declares and
 * {@code deploy/mongo/mongo-init.js} applies.
 */
class DeployMongoAccessTest {

    private static final Path MONGO = DEPLOY.resolve("mongo");
    private static final String AUDIT_LOG = "audit_log";

    /** Actions that change or destroy documents, collections or indexes: never on audit_log. */
    private static final Set<String> DESTRUCTIVE = Set.of(
            "update",
            "remove",
            "dropCollection",
            "dropDatabase",
            "dropIndex",
            "collMod",
            "compact",
            "convertToCapped",
            "emptycapped",
            "renameCollectionSameDB",
            "reIndex",
            "bypassDocumentValidation",
            "dropUser",
            "dropRole",
            "grantRole",
            "createUser",
            "createRole",
            "changePassword",
            "changeOwnPassword");

    @Test
    void eachServiceHasOneUserHoldingOneRoleInItsOwnDatabaseOnly() {
        Map<String, JsonNode> services = services();

        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(PORT_BY_SERVICE.keySet());
        services.forEach((service, access) -> {
            String database = DATABASE_BY_SERVICE.get(service);
            assertThat(text(access, "database")).as("%s database", service).isEqualTo(database);
            assertThat(text(access, "user")).as("%s user", service).isEqualTo(service);
            assertThat(access.path("roles").isMissingNode())
                    .as("%s: no inherited built-in roles", service)
                    .isTrue();
            assertThat(access.path("privileges").values())
                    .as("%s privileges", service)
                    .isNotEmpty()
                    .allSatisfy(privilege -> {
                        assertThat(text(privilege, "resource", "db")).isEqualTo(database);
                        assertThat(privilege.path("resource").has("cluster")).isFalse();
                        assertThat(privilege.path("resource").has("anyResource"))
                                .isFalse();
                    });
        });
    }

    @Test
    void auditLogCanOnlyBeAppendedToAndSearched() {
        services().forEach((service, access) -> {
            Set<String> onAuditLog = actionsOn(access, AUDIT_LOG);

            assertThat(onAuditLog).as("%s on audit_log", service).contains("find", "insert");
            assertThat(onAuditLog).as("%s on audit_log", service).doesNotContainAnyElementsOf(DESTRUCTIVE);
            for (JsonNode privilege : access.path("privileges")) {
                assertThat(text(privilege, "resource", "collection"))
                        .as("%s: audit_log is never granted on its own", service)
                        .isNotEqualTo(AUDIT_LOG);
            }
        });
    }

    /**
     * Collections a service only ever appends to, which its user can read and insert into but never
     * update or remove from: monitoring's controlled-substance register (a correction is a new
     * reversing entry, 21 CFR 1304).
     */
    private static final Map<String, Set<String>> APPEND_ONLY =
            Map.of("monitoring-service", Set.of("register_entries"));

    @Test
    void everyCollectionAServiceWritesMayBeUpdatedAndRemovedFrom() throws IOException {
        Set<String> platform = collectionsUsedIn(REPO_ROOT.resolve("platform-support/src/main/java"));
        assertThat(platform).contains(AUDIT_LOG, "processed_events");

        Map<String, JsonNode> services = services();
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String service : PORT_BY_SERVICE.keySet()) {
            Set<String> used = new TreeSet<>(platform);
            used.addAll(collectionsUsedIn(REPO_ROOT.resolve(service).resolve("src/main/java")));
            used.remove(AUDIT_LOG);
            assertThat(used).as("collections found in %s", service).hasSizeGreaterThan(2);
            for (String appendOnly : APPEND_ONLY.getOrDefault(service, Set.of())) {
                assertThat(used).as("%s writes %s", service, appendOnly).contains(appendOnly);
                assertThat(actionsOn(services.get(service), appendOnly))
                        .as("%s on its append-only %s", service, appendOnly)
                        .contains("find", "insert")
                        .doesNotContain("update", "remove");
                used.remove(appendOnly);
            }

            for (String collection : used) {
                if (!actionsOn(services.get(service), collection)
                        .containsAll(Set.of("find", "insert", "update", "remove"))) {
                    missing.computeIfAbsent(service, s -> new TreeSet<>()).add(collection);
                }
            }
        }
        assertThat(missing)
                .as("collections the code uses that deploy/mongo/service-access.json does not let the service update")
                .isEmpty();
    }

    @Test
    void composeRunsMongoWithAccessControlAndServicesWithTheirOwnUser() {
        JsonNode services = composeServices();
        JsonNode mongo = services.path("mongo");

        assertThat(mongo.path("entrypoint").toString()).contains("/opt/clinicops/mongo/mongod-start.sh");
        assertThat(text(mongo, "environment", "MONGO_INITDB_ROOT_PASSWORD"))
                .matches(DeployKafkaAccessTest.requiredVariable());
        assertThat(text(mongo, "environment", "MONGO_REPLICA_SET_KEY"))
                .matches(DeployKafkaAccessTest.requiredVariable());
        assertThat(mongo.path("ports").values())
                .extracting(port -> port.asString(""))
                .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        JsonNode init = services.path("mongo-init");
        assertThat(init.path("entrypoint").toString()).contains("/opt/clinicops/mongo/mongo-init.js");
        assertThat(text(init, "environment", "MONGO_ROOT_PASSWORD")).matches(DeployKafkaAccessTest.requiredVariable());

        for (String service : PORT_BY_SERVICE.keySet()) {
            String database = DATABASE_BY_SERVICE.get(service);
            assertThat(text(init, "environment", passwordVariable(service)))
                    .matches(DeployKafkaAccessTest.requiredVariable());
            assertThat(text(services.path(service), "environment", "SPRING_MONGODB_URI"))
                    .as("%s URI", service)
                    .matches("mongodb://" + service + ":\\$\\{MONGO_[A-Z]+_PASSWORD:\\?[^}]*}@mongo:27017/" + database
                            + "\\?replicaSet=rs0&authSource=" + database);
            assertThat(text(services.path(service), "depends_on", "mongo-init", "condition"))
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void kubernetesRunsMongoWithAccessControlAndServicesWithTheirOwnUser() {
        JsonNode mongo = container(kubernetes("StatefulSet", "mongo"));
        assertThat(mongo.path("command").toString()).contains("/opt/clinicops/mongo/mongod-start.sh");
        for (String variable :
                List.of("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD", "MONGO_REPLICA_SET_KEY")) {
            assertThat(text(env(mongo, variable), "valueFrom", "secretKeyRef", "name"))
                    .as("%s", variable)
                    .isEqualTo("mongo-credentials");
        }
        JsonNode init = container(kubernetes("Job", "mongo-init"));
        assertThat(init.path("command").toString()).contains("/opt/clinicops/mongo/mongo-init.js");

        Map<String, String> common = commonServiceSettings();
        for (String service : PORT_BY_SERVICE.keySet()) {
            String database = DATABASE_BY_SERVICE.get(service);
            assertThat(text(env(init, passwordVariable(service)), "valueFrom", "secretKeyRef", "key"))
                    .isEqualTo(service);
            JsonNode container = container(kubernetes("Deployment", service));
            String uri = text(env(container, "SPRING_MONGODB_URI"), "value");
            Matcher password = Pattern.compile("^mongodb://" + service + ":\\$\\((\\w+)\\)@\\$\\(MONGODB_HOSTS\\)/"
                            + database + "\\?replicaSet=\\$\\(MONGODB_REPLICA_SET\\)&authSource=" + database + "$")
                    .matcher(uri);

            assertThat(password.matches()).as("%s URI %s", service, uri).isTrue();
            JsonNode secret =
                    env(container, password.group(1)).path("valueFrom").path("secretKeyRef");
            assertThat(text(secret, "name")).isEqualTo("mongo-credentials");
            assertThat(text(secret, "key")).isEqualTo(service);
        }
        assertThat(common).containsKeys("MONGODB_HOSTS", "MONGODB_REPLICA_SET");
    }

    @Test
    void initScriptReadsEveryPasswordFromTheEnvironment() {
        String script = DeployFiles.read(MONGO.resolve("mongo-init.js"));

        assertThat(script)
                .contains("process.env")
                .contains("'MONGODB_PASSWORD_' + service.user.toUpperCase().replace(/-/g, '_')")
                .contains("createRole", "updateRole", "createUser", "updateUser")
                .doesNotContainPattern("pwd:\\s*['\"]");
        for (String service : PORT_BY_SERVICE.keySet()) {
            assertThat(passwordVariable(service))
                    .isEqualTo("MONGODB_PASSWORD_" + service.toUpperCase().replace('-', '_'));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String passwordVariable(String service) {
        return "MONGODB_PASSWORD_" + service.toUpperCase().replace('-', '_');
    }

    private static Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new HashMap<>();
        for (JsonNode service :
                DeployFiles.json(MONGO.resolve("service-access.json")).path("services")) {
            assertThat(text(service, "role")).isNotBlank();
            assertThat(services.put(text(service, "service"), service)).isNull();
        }
        return services;
    }

    /** Every action the service's role allows on a collection of its database. */
    private static Set<String> actionsOn(JsonNode access, String collection) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode privilege : access.path("privileges")) {
            String granted = text(privilege, "resource", "collection");
            if (granted.isEmpty() || granted.equals(collection)) {
                privilege.path("actions").forEach(action -> actions.add(action.asString("")));
            }
        }
        return actions;
    }

    private static final List<Pattern> LITERAL_COLLECTIONS = List.of(
            Pattern.compile("@Document\\(\\s*(?:(?:collection|value)\\s*=\\s*)?\"([a-z][a-z0-9_]*)\""),
            Pattern.compile("(?:getCollection|indexOps)\\(\\s*\"([a-z][a-z0-9_]*)\"\\s*\\)"),
            Pattern.compile("\\.class,\\s*\"([a-z][a-z0-9_]*)\"\\s*\\)"));

    private static final Pattern CONSTANT =
            Pattern.compile("static final String (\\w+)\\s*=\\s*\"([a-z][a-z0-9_]*)\"\\s*;");

    /**
     * The MongoDB collections the sources under {@code root} name: {@code @Document} values, string
     * literals given to {@code getCollection}, {@code indexOps} or after a {@code .class} argument,
     * and constants that are named {@code *COLLECTION*} or given to one of those (or followed by a
     * {@code .class} argument, as in {@code findDistinct}). A heuristic; a name it misses shows up as
     * an authorization error of that service on the first update.
     */
    private static Set<String> collectionsUsedIn(Path root) throws IOException {
        Set<String> collections = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String code = Files.readString(source);
            if (!code.contains("org.springframework.data.mongodb") && !code.contains("com.mongodb")) {
                continue;
            }
            for (Pattern pattern : LITERAL_COLLECTIONS) {
                Matcher matcher = pattern.matcher(code);
                while (matcher.find()) {
                    collections.add(matcher.group(1));
                }
            }
            Matcher constant = CONSTANT.matcher(code);
            while (constant.find()) {
                String name = constant.group(1);
                String quoted = Pattern.quote(name);
                boolean used = name.contains("COLLECTION")
                        || Pattern.compile("(?:getCollection|indexOps)\\(\\s*" + quoted + "\\s*\\)")
                                .matcher(code)
                                .find()
                        || Pattern.compile("\\.class,\\s*" + quoted + "\\s*\\)")
                                .matcher(code)
                                .find()
                        // a field of a document read with getList(NAME, X.class) is not a collection
                        || Pattern.compile("(?:(?<!getList)\\(|,)\\s*" + quoted + ",\\s*\\w+\\.class")
                                .matcher(code)
                                .find();
                if (used) {
                    collections.add(constant.group(2));
                }
            }
        }
        return collections;
    }
}
