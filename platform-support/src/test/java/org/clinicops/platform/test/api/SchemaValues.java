package org.clinicops.platform.test.api;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values a schema accepts, or nearly: what a well-meaning client would send, so that a mutation of
 * one part reaches the service's deeper checks instead of stopping at the first missing field.
 */
final class SchemaValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_DEPTH = 8;

    private final ApiDocument document;
    private final SplittableRandom random;
    private final Map<String, JsonNode> schemas = new java.util.LinkedHashMap<>();

    SchemaValues(ApiDocument document, SplittableRandom random) {
        this.document = document;
        this.random = random;
    }

    /** A value for the schema; {@link #schemas()} then tells the schema of each of its nodes. */
    JsonNode valueOf(JsonNode schema) {
        schemas.clear();
        return valueOf(schema, 0, new HashSet<>(), "");
    }

    /** The schema of every node of the last value, by JSON pointer ("" is the root). */
    Map<String, JsonNode> schemas() {
        return schemas;
    }

    private JsonNode valueOf(JsonNode schemaOrRef, int depth, Set<String> refs, String pointer) {
        String ref = schemaOrRef.path("$ref").asString("");
        if (depth > MAX_DEPTH || (!ref.isEmpty() && refs.contains(ref))) {
            return NODES.nullNode();
        }
        Set<String> onPath = new HashSet<>(refs);
        if (!ref.isEmpty()) {
            onPath.add(ref);
        }
        JsonNode schema = document.resolve(schemaOrRef);
        schemas.put(pointer, schema);
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        if (schema.has("example") && random.nextInt(3) == 0) {
            return schema.get("example");
        }
        List<JsonNode> parts = ApiDocument.parts(schema);
        if (!parts.isEmpty()) {
            if (schema.has("allOf")) {
                ObjectNode merged = NODES.objectNode();
                for (JsonNode part : parts) {
                    JsonNode value = valueOf(part, depth + 1, onPath, pointer);
                    if (value.isObject()) {
                        merged.setAll((ObjectNode) value);
                    }
                }
                return merged;
            }
            return valueOf(parts.get(random.nextInt(parts.size())), depth + 1, onPath, pointer);
        }
        Set<String> types = ApiDocument.types(schema);
        types.remove("null");
        String type = types.isEmpty() ? "string" : types.iterator().next();
        return switch (type) {
            case "string" -> NODES.stringNode(string(schema));
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> array(schema, depth, onPath, pointer);
            default -> object(schema, depth, onPath, pointer);
        };
    }

    private ArrayNode array(JsonNode schema, int depth, Set<String> refs, String pointer) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(schema.path("maxItems").asInt(3), 3));
        int size = min + random.nextInt(max - min + 1);
        for (int i = 0; i < size; i++) {
            array.add(valueOf(schema.path("items"), depth + 1, refs, pointer + "/" + i));
        }
        return array;
    }

    private ObjectNode object(JsonNode schema, int depth, Set<String> refs, String pointer) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || random.nextInt(4) != 0) {
                object.set(
                        property.getKey(),
                        valueOf(property.getValue(), depth + 1, refs, pointer + "/" + property.getKey()));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && random.nextBoolean()) {
            String key = "key" + random.nextInt(100);
            object.set(key, valueOf(additional, depth + 1, refs, pointer + "/" + key));
        }
        return object;
    }

    String string(JsonNode schema) {
        switch (schema.path("format").asString("")) {
            case "date":
                return "2026-03-0" + (1 + random.nextInt(9));
            case "date-time":
                return "2026-03-0" + (1 + random.nextInt(9)) + "T1" + random.nextInt(10) + ":00:00Z";
            case "time", "partial-time":
                return "1" + random.nextInt(10) + ":30";
            case "uuid":
                return java.util
                        .UUID
                        .nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes())
                        .toString();
            case "email":
                return "fuzz" + random.nextInt(1000) + "@example.org";
            default:
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.max(min, Math.min(schema.path("maxLength").asInt(12), 12));
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    long integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
        if (max <= min) {
            return min;
        }
        return min + random.nextLong(Math.min(max - min, 1_000_000) + 1);
    }

    BigDecimal number(JsonNode schema) {
        return BigDecimal.valueOf(integer(schema)).add(BigDecimal.valueOf(random.nextInt(100), 2));
    }
}
