package org.clinicops.platform.test.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a client must be able to trust in a service's OpenAPI document, checked in the build (the
 * properties Redocly CLI's recommended rules check, and the bounds of issue 17). A service adopts it
 * with one test:
 *
 * <pre>{@code
 * @Test
 * void the_api_document_is_one_a_client_can_trust() {
 *     OpenApiContract.assertTrustworthy(http.get("/v3/api-docs"));
 * }
 * }</pre>
 *
 * <p>Each operation has a summary and a unique operationId; a security requirement naming a declared
 * scheme, or an explicit empty one ({@code security: []}) when it is public; a documented 2xx answer
 * (springdoc drops the computed one once an operation declares any response itself); at least one
 * documented 4xx answer with a problem-detail schema ({@code application/problem+json}). In what a client
 * sends (parameters and request bodies, through every {@code $ref}): every string has a {@code
 * maxLength}, an {@code enum} or a format that bounds it (date, date-time, time, uuid); every array a
 * {@code maxItems}; every free-form object a {@code maxProperties}; every enum is non-empty with
 * distinct values, and a fixed list of values is declared as an enum, not as a pattern.
 */
public final class OpenApiContract {

    /** Formats whose values have a bounded length. */
    static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "time", "uuid", "partial-time");

    private static final Pattern LISTED_VALUES = Pattern.compile("^\\^?\\(?[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)+\\)?\\$?$");

    /** The rules, with the words a report uses for them. */
    public enum Rule {
        SUMMARY("has no summary"),
        OPERATION_ID("has no operationId, or shares it"),
        SECURITY("declares no security requirement (use security: [] for a public operation)"),
        SUCCESS_RESPONSE("documents no 2xx answer"),
        PROBLEM_RESPONSE("documents no 4xx answer as application/problem+json with a problem schema"),
        STRING_BOUND("is a string without maxLength, enum or a bounded format"),
        ARRAY_BOUND("is an array without maxItems"),
        MAP_BOUND("is a free-form object without maxProperties"),
        ENUM("is an enum that is empty, repeats a value or is written as a pattern");

        private final String words;

        Rule(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One property of the document a client cannot trust. */
    public record Violation(Rule rule, String operation, String where) {
        @Override
        public String toString() {
            return operation + (where.isEmpty() ? "" : " " + where) + " " + rule.words();
        }
    }

    /** Every violation of a document, in document order. */
    public record Report(List<Violation> violations) {

        public boolean trustworthy() {
            return violations.isEmpty();
        }

        /** How many violations of each rule, for planning. */
        public Map<Rule, Integer> countsByRule() {
            Map<Rule, Integer> counts = new TreeMap<>();
            violations.forEach(v -> counts.merge(v.rule(), 1, Integer::sum));
            return counts;
        }

        public List<Violation> of(Rule rule) {
            return violations.stream().filter(v -> v.rule() == rule).toList();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(violations.size() + " violation(s) " + countsByRule() + ":");
            violations.forEach(v -> text.append("\n  - ").append(v));
            return text.toString();
        }
    }

    private OpenApiContract() {}

    /** Fails, listing every violation, unless the document is one a client can trust. */
    public static void assertTrustworthy(String apiDocsJson) {
        Report report = check(apiDocsJson);
        if (!report.trustworthy()) {
            throw new AssertionError("The OpenAPI document is not one a client can trust: " + report);
        }
    }

    /**
     * What a hostile client would find undocumented in a service's own operations: each operation
     * without a summary (the platform's audit and dead-letter operations excepted), without a 401
     * and a 403 answer, or with a 4xx answer that is not a problem detail; as {@code "POST /api/x:
     * 401"}, {@code "GET /api/y: 404 as a problem detail"}. Empty when there is nothing to add.
     */
    public static List<String> errorAnswerGaps(JsonNode apiDocs) {
        List<String> missing = new ArrayList<>();
        apiDocs.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    boolean platform =
                            path.getKey().equals("/api/audit") || path.getKey().startsWith("/api/admin/dead-letters");
                    if (!platform && !op.getValue().hasNonNull("summary")) {
                        missing.add(name + ": summary");
                    }
                    for (String status : List.of("401", "403")) {
                        if (!op.getValue().get("responses").has(status)) {
                            missing.add(name + ": " + status);
                        }
                    }
                    op.getValue().get("responses").properties().forEach(response -> {
                        if (response.getKey().startsWith("4")
                                && !response.getValue().get("content").has("application/problem+json")) {
                            missing.add(name + ": " + response.getKey() + " as a problem detail");
                        }
                    });
                }));
        return missing;
    }

    /** Every violation of the document. */
    public static Report check(String apiDocsJson) {
        return check(ApiDocument.parse(apiDocsJson));
    }

    public static Report check(ApiDocument document) {
        List<Violation> violations = new ArrayList<>();
        Set<String> schemes = new HashSet<>(
                document.root().path("components").path("securitySchemes").propertyNames());
        boolean globalSecurity = hasValidSecurity(document.root().path("security"), schemes);
        Map<String, Integer> operationIds = new LinkedHashMap<>();
        for (ApiDocument.Operation operation : document.operations()) {
            String name = operation.name();
            JsonNode json = operation.json();
            if (json.path("summary").asString("").isBlank()) {
                violations.add(new Violation(Rule.SUMMARY, name, ""));
            }
            String id = json.path("operationId").asString("");
            if (id.isBlank() || operationIds.merge(id, 1, Integer::sum) > 1) {
                violations.add(new Violation(Rule.OPERATION_ID, name, id));
            }
            JsonNode security = json.get("security");
            boolean secured = security == null ? globalSecurity : hasValidSecurity(security, schemes);
            if (!secured) {
                violations.add(new Violation(Rule.SECURITY, name, ""));
            }
            if (json.path("responses").propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
                violations.add(new Violation(Rule.SUCCESS_RESPONSE, name, ""));
            }
            if (!documentsProblem(document, json.path("responses"))) {
                violations.add(new Violation(Rule.PROBLEM_RESPONSE, name, ""));
            }
            for (JsonNode parameter : operation.parameters()) {
                JsonNode resolved = document.resolve(parameter);
                String where = "parameter " + resolved.path("name").asString("?");
                checkInput(document, resolved.path("schema"), name, where, violations, new HashSet<>());
            }
            JsonNode body = operation.bodySchema();
            if (!body.isMissingNode()) {
                checkInput(document, body, name, "body", violations, new HashSet<>());
            }
        }
        return new Report(List.copyOf(violations));
    }

    private static boolean hasValidSecurity(JsonNode security, Set<String> schemes) {
        if (!security.isArray()) {
            return false;
        }
        for (JsonNode requirement : security) {
            for (String scheme : requirement.propertyNames()) {
                if (!schemes.contains(scheme)) {
                    return false;
                }
            }
        }
        return true; // an empty array: explicitly public
    }

    private static boolean documentsProblem(ApiDocument document, JsonNode responses) {
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (!response.getKey().startsWith("4")) {
                continue;
            }
            JsonNode schema = document.resolve(response.getValue())
                    .path("content")
                    .path("application/problem+json")
                    .path("schema");
            JsonNode problem = document.resolve(schema);
            JsonNode properties = problem.path("properties");
            if (properties.has("status") && properties.has("title")) {
                return true;
            }
        }
        return false;
    }

    /** Walks what a client sends: strings, arrays, maps and enums, through refs and compositions. */
    private static void checkInput(
            ApiDocument document,
            JsonNode schemaOrRef,
            String operation,
            String where,
            List<Violation> violations,
            Set<String> refsOnPath) {
        if (schemaOrRef.isMissingNode() || !schemaOrRef.isObject()) {
            return;
        }
        String ref = schemaOrRef.path("$ref").asString("");
        if (!ref.isEmpty() && !refsOnPath.add(ref)) {
            return; // a recursive schema: checked where it began
        }
        JsonNode schema = document.resolve(schemaOrRef);
        for (JsonNode part : ApiDocument.parts(schema)) {
            checkInput(document, part, operation, where, violations, new HashSet<>(refsOnPath));
        }
        Set<String> types = ApiDocument.types(schema);
        if (schema.has("enum")) {
            checkEnum(schema.get("enum"), operation, where, violations);
        }
        if (types.contains("string")) {
            boolean bounded = schema.has("maxLength")
                    || schema.has("enum")
                    || schema.has("const")
                    || BOUNDED_FORMATS.contains(schema.path("format").asString(""));
            if (!bounded) {
                violations.add(new Violation(Rule.STRING_BOUND, operation, where));
            }
            String pattern = schema.path("pattern").asString("");
            if (!schema.has("enum") && LISTED_VALUES.matcher(pattern).matches()) {
                violations.add(new Violation(Rule.ENUM, operation, where + " (pattern " + pattern + ")"));
            }
        }
        if (types.contains("array")) {
            if (!schema.has("maxItems")) {
                violations.add(new Violation(Rule.ARRAY_BOUND, operation, where));
            }
            checkInput(document, schema.path("items"), operation, where + "[]", violations, new HashSet<>(refsOnPath));
        }
        if (types.contains("object") || schema.has("properties") || schema.has("additionalProperties")) {
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                checkInput(
                        document,
                        property.getValue(),
                        operation,
                        where + "." + property.getKey(),
                        violations,
                        new HashSet<>(refsOnPath));
            }
            JsonNode additional = schema.path("additionalProperties");
            boolean freeForm = additional.isObject() || additional.asBoolean(false);
            if (freeForm && !schema.has("maxProperties")) {
                violations.add(new Violation(Rule.MAP_BOUND, operation, where));
            }
            if (additional.isObject()) {
                checkInput(document, additional, operation, where + ".*", violations, new HashSet<>(refsOnPath));
            }
        }
    }

    private static void checkEnum(JsonNode values, String operation, String where, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        boolean repeated = false;
        for (JsonNode value : values) {
            repeated |= !seen.add(value.toString());
        }
        if (!values.isArray() || values.isEmpty() || repeated) {
            violations.add(new Violation(Rule.ENUM, operation, where));
        }
    }
}
