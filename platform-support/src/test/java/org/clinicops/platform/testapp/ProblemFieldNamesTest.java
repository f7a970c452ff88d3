package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.ApiFuzz;
import org.clinicops.platform.test.api.FuzzRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A constraint on a path variable beside a validated body ({@code PUT /api/samples/{id}/lines}):
 * the refusal names the path variable by its name and the body's fields by their JSON path, so a
 * client sees which of its inputs to fix.
 */
@ServiceIntegrationTest
class ProblemFieldNamesTest {

    static final String BAD_LINES = "{\"lines\":[{\"code\":\"A1\",\"quantity\":2},{\"code\":\"\",\"quantity\":0}]}";
    static final String GOOD_LINES = "{\"lines\":[{\"code\":\"A1\",\"quantity\":2}]}";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_bad_path_variable_and_bad_body_fields_are_each_named_as_the_client_sent_them() {
        ApiFuzz.Answer answer = put("/api/samples/" + "x".repeat(41) + "/lines", BAD_LINES);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fields(answer)).containsExactly("id", "lines[1].code", "lines[1].quantity");
        assertThat(answer.body()).doesNotContain("\"field\":\"request\"", "\"field\":\"lines\"");
    }

    @Test
    void a_bad_body_beside_a_good_path_variable_names_only_the_bodys_fields() {
        ApiFuzz.Answer answer = put("/api/samples/s_1/lines", BAD_LINES);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("lines[1].code", "lines[1].quantity");
        assertThat(answer.body()).contains("lines[1].quantity must be greater than or equal to 1");
    }

    @Test
    void a_bad_path_variable_beside_a_good_body_names_only_the_path_variable() {
        long before = mongo.getCollection(ApiSampleEndpoints.COLLECTION).countDocuments();

        ApiFuzz.Answer answer = put("/api/samples/a.b/lines", GOOD_LINES);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("id");
        assertThat(mongo.getCollection(ApiSampleEndpoints.COLLECTION).countDocuments())
                .isEqualTo(before);
    }

    @Test
    void good_lines_for_an_unknown_sample_are_a_404() {
        assertThat(put("/api/samples/s_unknown/lines", GOOD_LINES).status()).isEqualTo(404);
    }

    private ApiFuzz.Answer put(String target, String body) {
        return ApiFuzz.against(port).send(FuzzRequest.of("PUT", target, "application/json", body));
    }

    private static List<String> fields(ApiFuzz.Answer answer) {
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
