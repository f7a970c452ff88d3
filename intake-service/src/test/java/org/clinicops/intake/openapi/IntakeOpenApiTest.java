package org.clinicops.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document a client generates from (issue 17): a summary and the problem-detail
 * responses on every intake operation, enums as enums, and bounds on every list and string a body
 * or parameter takes.
 */
@ServiceIntegrationTest
class IntakeOpenApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM = "application/problem+json";

    /** The problem responses each intake operation documents, by method and path. */
    static final Map<String, Set<String>> PROBLEMS = Map.ofEntries(
            Map.entry("post /api/consultation-requests", Set.of("400", "401", "403", "413", "429")),
            Map.entry("get /api/consultation-requests", Set.of("400", "401", "403")),
            Map.entry("get /api/consultation-requests/{id}", Set.of("401", "403", "404")),
            Map.entry("get /api/consultation-requests/{id}/screening", Set.of("401", "403", "404")),
            Map.entry(
                    "post /api/consultation-requests/{id}/screening", Set.of("400", "401", "403", "404", "409", "413")),
            Map.entry(
                    "post /api/consultation-requests/{id}/decision", Set.of("400", "401", "403", "404", "409", "413")),
            Map.entry("post /api/consultation-requests/{id}/withdraw", Set.of("401", "403", "404", "409")),
            Map.entry("get /api/patients", Set.of("400", "401", "403")),
            Map.entry("get /api/patients/{patientId}", Set.of("401", "403", "404")),
            Map.entry("get /api/patients/{patientId}/household", Set.of("400", "401", "403", "404")),
            Map.entry("put /api/patients/{patientId}/household", Set.of("400", "401", "403", "404", "413")),
            Map.entry("post /api/admin/patients/re-encrypt", Set.of("401", "403")));

    @LocalServerPort
    int port;

    JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/intake-openapi.json"), answer.body());
        document = JSON.readTree(answer.body());
    }

    @Test
    void everyIntakeOperationHasASummaryAndItsProblemResponses() {
        List<String> seen = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String key = operation.getKey() + " " + path.getKey();
                    Set<String> problems = PROBLEMS.get(key);
                    if (problems == null) {
                        return; // the platform's own endpoints (audit trail)
                    }
                    seen.add(key);
                    JsonNode op = operation.getValue();
                    assertThat(op.path("summary").asString()).as(key).isNotBlank();
                    for (String status : problems) {
                        assertThat(op.at("/responses/" + status + "/content").has(PROBLEM))
                                .as(key + " documents " + status + " as a problem detail")
                                .isTrue();
                    }
                }));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(PROBLEMS.keySet());
    }

    @Test
    void thePublicFormIsDeclaredOpen() {
        JsonNode security = document.at("/paths/~1api~1consultation-requests/post/security");
        assertThat(security.isArray() && security.isEmpty())
                .as(security.toString())
                .isTrue();
    }

    @Test
    void everyListAndStringOfARequestBodyIsBoundedAndEveryEnumDeclared() {
        List<String> unbounded = new ArrayList<>();
        for (String schema : List.of(
                "NewRequest", "PatientDetailsBody", "ScreeningBody", "PriorTrialEntry", "DecisionBody", "Household")) {
            JsonNode properties = document.at("/components/schemas/" + schema + "/properties");
            assertThat(properties.isObject()).as(schema).isTrue();
            properties.properties().forEach(p -> {
                String name = schema + "." + p.getKey();
                JsonNode property = p.getValue();
                String type = property.path("type").asString();
                if (type.equals("array") && !property.has("maxItems")) {
                    unbounded.add(name + " (maxItems)");
                }
                if (type.equals("array")
                        && property.at("/items/type").asString().equals("string")
                        && !property.at("/items").has("maxLength")
                        && !property.at("/items").has("enum")) {
                    unbounded.add(name + "[] (maxLength)");
                }
                if (type.equals("string")
                        && !property.has("maxLength")
                        && !property.has("enum")
                        && !property.has("format")) {
                    unbounded.add(name + " (maxLength)");
                }
            });
        }
        assertThat(unbounded).isEmpty();
        assertThat(document.at("/components/schemas/NewRequest/properties/condition/enum"))
                .extracting(JsonNode::asString)
                .contains("PTSD", "TREATMENT_RESISTANT_DEPRESSION");
        assertThat(document.at("/components/schemas/DecisionBody/properties/decision/enum")
                        .isArray())
                .isTrue();
    }

    @Test
    void parametersAreBoundedAndEnumsDeclared() {
        JsonNode list = document.at("/paths/~1api~1consultation-requests/get/parameters");
        JsonNode lookup = document.at("/paths/~1api~1patients/get/parameters");

        assertThat(parameter(list, "status").at("/schema/enum").isArray()).isTrue();
        assertThat(parameter(list, "siteId").at("/schema/maxLength").asInt()).isEqualTo(40);
        assertThat(parameter(lookup, "ids").at("/schema/maxItems").asInt()).isEqualTo(100);
        assertThat(parameter(lookup, "ids").at("/schema/items/pattern").asString())
                .isNotBlank();
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }
}
