package org.clinicops.platform.test.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * An OpenAPI 3.0 or 3.1 document as JSON, read the way {@link OpenApiContract} and {@link ApiFuzz}
 * need it: its operations, and schemas with their local {@code $ref}s resolved.
 */
public final class ApiDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Reads a document from its JSON text (what {@code GET /v3/api-docs} answers). */
    public static ApiDocument parse(String json) {
        return new ApiDocument(JSON.readTree(json));
    }

    public JsonNode root() {
        return root;
    }

    /** One operation: its method (upper case), its path template and its JSON. */
    public record Operation(String method, String path, JsonNode json) {

        /** {@code POST /api/sites}. */
        public String name() {
            return method + " " + path;
        }

        /** The operation's parameters, path-level ones included by the document. */
        public List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            json.path("parameters").forEach(parameters::add);
            return parameters;
        }

        /** The schema of the JSON request body, or a missing node. */
        public JsonNode bodySchema() {
            JsonNode content = json.path("requestBody").path("content");
            for (Map.Entry<String, JsonNode> type : content.properties()) {
                if (type.getKey().contains("json")) {
                    return type.getValue().path("schema");
                }
            }
            return MissingNode.getInstance();
        }

        public boolean hasBody() {
            return json.has("requestBody");
        }

        public boolean isWrite() {
            return Set.of("POST", "PUT", "PATCH", "DELETE").contains(method);
        }
    }

    /** Every operation of every path, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && operation.isObject()) {
                    if (!shared.isEmpty()) {
                        var copy = operation.deepCopy();
                        var parameters = ((tools.jackson.databind.node.ObjectNode) copy).putArray("parameters");
                        shared.forEach(parameters::add);
                        operation.path("parameters").forEach(parameters::add);
                        operation = copy;
                    }
                    operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path.getKey(), operation));
                }
            }
        }
        return operations;
    }

    /** The node a local {@code $ref} points at, following chains; the node itself without one. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    /** The types a schema declares ({@code type: string} or 3.1's {@code type: [string, "null"]}). */
    public static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isString()) {
            types.add(type.asString());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        }
        if (types.isEmpty() && schema.has("properties")) {
            types.add("object");
        }
        if (types.isEmpty() && schema.has("items")) {
            types.add("array");
        }
        return types;
    }

    /** The schemas a schema is composed of ({@code allOf}, {@code oneOf}, {@code anyOf}). */
    public static List<JsonNode> parts(JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        for (String key : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(key).forEach(parts::add);
        }
        return parts;
    }
}
