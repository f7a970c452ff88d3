package org.clinicops.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.clinicops.platform.test.api.OpenApiContract;
import org.clinicops.platform.test.api.OpenApiContract.Rule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract catches each violation on a small document and passes a trustworthy one. */
class OpenApiContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two operations that keep every rule: a secured write with a body and a public read. */
    static final String TRUSTWORTHY = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/sites/{id}/notes": {"post": {
                   "summary": "Adds a note", "operationId": "addNote",
                   "security": [{"bearerAuth": []}],
                   "parameters": [{"name": "id", "in": "path", "required": true,
                                   "schema": {"type": "string", "maxLength": 40}}],
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}},
                   "responses": {"201": {"description": "added"},
                                 "400": {"$ref": "#/components/responses/BadRequest"}}}},
               "/api/forms": {"get": {
                   "summary": "Lists forms", "operationId": "listForms", "security": [],
                   "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["A", "B"]}},
                                  {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}],
                   "responses": {"200": {"description": "ok"},
                                 "429": {"description": "slow down", "content": {"application/problem+json":
                                         {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
             },
             "components": {
               "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
               "responses": {"BadRequest": {"description": "bad", "content": {"application/problem+json":
                                         {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
               "schemas": {
                 "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                             "status": {"type": "integer"}, "detail": {"type": "string"}}},
                 "Note": {"type": "object", "properties": {
                     "text": {"type": "string", "maxLength": 500},
                     "at": {"type": "string", "format": "date-time"},
                     "tags": {"type": "array", "maxItems": 5, "items": {"type": ["string", "null"], "maxLength": 20}},
                     "reply": {"$ref": "#/components/schemas/Note"},
                     "grade": {"type": "integer", "enum": [1, 2, 3]}}}
               }}}
            """;

    @Test
    void passes_a_document_that_keeps_every_rule() {
        assertThatCode(() -> OpenApiContract.assertTrustworthy(TRUSTWORTHY)).doesNotThrowAnyException();
    }

    @Test
    void catches_an_operation_without_a_summary() {
        assertViolation(
                Rule.SUMMARY, "POST /api/sites/{id}/notes", doc -> post(doc).remove("summary"));
    }

    @Test
    void catches_a_missing_or_shared_operation_id() {
        assertViolation(
                Rule.OPERATION_ID,
                "POST /api/sites/{id}/notes",
                doc -> post(doc).remove("operationId"));
        assertViolation(Rule.OPERATION_ID, "GET /api/forms", doc -> get(doc).put("operationId", "addNote"));
    }

    @Test
    void catches_an_operation_without_security_or_naming_an_undeclared_scheme() {
        assertViolation(
                Rule.SECURITY, "POST /api/sites/{id}/notes", doc -> post(doc).remove("security"));
        assertViolation(
                Rule.SECURITY,
                "POST /api/sites/{id}/notes",
                doc -> ((ObjectNode) post(doc).withArray("security").get(0)).putArray("oauth"));
    }

    @Test
    void accepts_a_global_security_requirement_for_operations_that_declare_none() {
        ObjectNode doc = parse();
        post(doc).remove("security");
        doc.putArray("security").addObject().putArray("bearerAuth");

        assertThat(OpenApiContract.check(doc.toString()).of(Rule.SECURITY)).isEmpty();
    }

    @Test
    void catches_an_operation_without_a_documented_problem_response() {
        assertViolation(
                Rule.PROBLEM_RESPONSE, "GET /api/forms", doc -> ((ObjectNode) get(doc).get("responses")).remove("429"));
        assertViolation(Rule.PROBLEM_RESPONSE, "GET /api/forms", doc -> {
            ObjectNode response = (ObjectNode) get(doc).get("responses").get("429");
            response.putObject("content").putObject("*/*").putObject("schema").put("type", "string");
        });
    }

    @Test
    void catches_unbounded_strings_in_parameters_and_bodies_through_refs() {
        assertViolation(
                Rule.STRING_BOUND,
                "POST /api/sites/{id}/notes",
                doc -> ((ObjectNode) post(doc).get("parameters").get(0).get("schema")).remove("maxLength"));
        assertViolation(
                Rule.STRING_BOUND,
                "POST /api/sites/{id}/notes",
                doc -> note(doc).remove("maxLength"));
        assertViolation(
                Rule.STRING_BOUND,
                "POST /api/sites/{id}/notes",
                doc -> ((ObjectNode) schemas(doc).at("/Note/properties/tags/items")).remove("maxLength"));
        assertViolation(
                Rule.STRING_BOUND,
                "GET /api/forms",
                doc -> ((ObjectNode) get(doc).get("parameters").get(1).get("schema")).put("format", "email"));
    }

    @Test
    void catches_an_array_without_max_items() {
        assertViolation(
                Rule.ARRAY_BOUND,
                "POST /api/sites/{id}/notes",
                doc -> ((ObjectNode) schemas(doc).at("/Note/properties/tags")).remove("maxItems"));
    }

    @Test
    void catches_a_free_form_object_without_max_properties() {
        assertViolation(
                Rule.MAP_BOUND,
                "POST /api/sites/{id}/notes",
                doc -> ((ObjectNode) schemas(doc).at("/Note/properties"))
                        .putObject("extra")
                        .put("type", "object")
                        .putObject("additionalProperties"));
    }

    @Test
    void catches_enums_that_are_empty_repeat_a_value_or_are_written_as_a_pattern() {
        assertViolation(
                Rule.ENUM,
                "GET /api/forms",
                doc -> ((ObjectNode) get(doc).get("parameters").get(0).get("schema")).putArray("enum"));
        assertViolation(
                Rule.ENUM,
                "POST /api/sites/{id}/notes",
                doc -> ((ArrayNode) schemas(doc).at("/Note/properties/grade/enum")).add(2));
        assertViolation(
                Rule.ENUM, "POST /api/sites/{id}/notes", doc -> note(doc).put("pattern", "^(OPEN|PAID|VOID)$"));
    }

    @Test
    void lists_every_violation_in_one_failure() {
        ObjectNode doc = parse();
        post(doc).remove("summary");
        get(doc).remove("summary");

        assertThatThrownBy(() -> OpenApiContract.assertTrustworthy(doc.toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 violation(s)")
                .hasMessageContaining("POST /api/sites/{id}/notes has no summary")
                .hasMessageContaining("GET /api/forms has no summary");
    }

    private static void assertViolation(Rule rule, String operation, Consumer<ObjectNode> change) {
        ObjectNode doc = parse();
        change.accept(doc);

        OpenApiContract.Report report = OpenApiContract.check(doc.toString());

        assertThat(report.of(rule))
                .as(report.toString())
                .anyMatch(v -> v.operation().equals(operation));
        assertThat(report.violations()).as(report.toString()).allMatch(v -> v.rule() == rule);
    }

    private static ObjectNode parse() {
        return (ObjectNode) JSON.readTree(TRUSTWORTHY);
    }

    private static ObjectNode post(ObjectNode doc) {
        return (ObjectNode) doc.at("/paths/~1api~1sites~1{id}~1notes/post");
    }

    private static ObjectNode get(ObjectNode doc) {
        return (ObjectNode) doc.at("/paths/~1api~1forms/get");
    }

    private static ObjectNode schemas(ObjectNode doc) {
        return (ObjectNode) doc.at("/components/schemas");
    }

    private static ObjectNode note(ObjectNode doc) {
        return (ObjectNode) schemas(doc).at("/Note/properties/text");
    }
}
