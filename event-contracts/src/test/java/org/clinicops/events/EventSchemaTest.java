package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas describe exactly the records: same property names, JSON types, nullability,
 * required fields and enum values, down into nested records such as invoice lines.
 */
class EventSchemaTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventHasASchemaAndASampleFile(EventType type) throws IOException {
        for (String resource : List.of(ContractFiles.schemaResource(type), ContractFiles.sampleResource(type))) {
            try (InputStream in = ContractFiles.open(resource)) {
                assertThat(in).as(resource).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsDraft202012WithAnIdNamedAfterTheEvent(EventType type) {
        JsonNode schema = ContractFiles.schema(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString())
                .isEqualTo("https://clinicops.org/events/" + type.eventName() + ".v1.schema.json");
        assertThat(schema.path("title").asString()).isNotBlank();
        assertThat(schema.path("description").asString())
                .startsWith("Emitted by")
                .contains(type.type());
        assertThat(schema.path("type").asString()).isEqualTo("object");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAllowsFieldsAddedLaterWithinVersionOne(EventType type) {
        List<String> closed = new ArrayList<>();
        collectClosedObjects(ContractFiles.schema(type), type.eventName(), closed);

        assertThat(closed).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreExactlyTheRecordComponents(EventType type) {
        List<String> problems = new ArrayList<>();
        compare(type.payloadClass(), ContractFiles.schema(type), type.eventName(), false, problems);

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaTypesNullabilityAndEnumsFollowTheRecord(EventType type) {
        List<String> problems = new ArrayList<>();
        compare(type.payloadClass(), ContractFiles.schema(type), type.eventName(), true, problems);

        assertThat(problems).isEmpty();
    }

    private static void collectClosedObjects(JsonNode schema, String path, List<String> closed) {
        if (schema.has("properties") && !schema.path("additionalProperties").asBoolean(false)) {
            closed.add(path);
        }
        schema.path("properties").forEachEntry((name, property) -> {
            collectClosedObjects(property, path + "." + name, closed);
            collectClosedObjects(property.path("items"), path + "." + name + "[]", closed);
        });
    }

    /**
     * Compares a record with an object schema. Names only, or also JSON types, formats, patterns,
     * enum values, nullability and the required list.
     */
    private static void compare(
            Class<?> recordType, JsonNode objectSchema, String path, boolean deep, List<String> problems) {
        RecordComponent[] components = recordType.getRecordComponents();
        JsonNode properties = objectSchema.path("properties");
        Set<String> componentNames = new HashSet<>();
        for (RecordComponent component : components) {
            componentNames.add(component.getName());
            if (!properties.has(component.getName())) {
                problems.add(path + "." + component.getName() + ": record component missing from schema");
            }
        }
        for (String property : properties.propertyNames()) {
            if (!componentNames.contains(property)) {
                problems.add(path + "." + property + ": schema property is not a record component");
            }
        }
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(name -> required.add(name.asString()));
        for (RecordComponent component : components) {
            JsonNode property = properties.path(component.getName());
            String at = path + "." + component.getName();
            if (property.isMissingNode()) {
                continue;
            }
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (deep) {
                if (nullable == required.contains(component.getName())) {
                    problems.add(at + (nullable ? ": nullable but required" : ": not nullable but not required"));
                }
                compareType(component.getType(), property, nullable, at, problems);
            }
            Class<?> element = listElement(component);
            if (component.getType().isRecord()) {
                compare(component.getType(), property, at, deep, problems);
            } else if (element != null && element.isRecord()) {
                compare(element, property.path("items"), at + "[]", deep, problems);
            } else if (element != null && deep) {
                compareType(element, property.path("items"), false, at + "[]", problems);
            }
        }
    }

    private static void compareType(
            Class<?> type, JsonNode property, boolean nullable, String at, List<String> problems) {
        String expected = jsonType(type);
        Set<String> declared = new HashSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> declared.add(t.asString()));
        } else {
            declared.add(property.path("type").asString());
        }
        Set<String> wanted = nullable ? Set.of(expected, "null") : Set.of(expected);
        if (!declared.equals(wanted)) {
            problems.add(at + ": type " + declared + ", expected " + wanted);
        }
        if (type == Instant.class && !"date-time".equals(property.path("format").asString())) {
            problems.add(at + ": an Instant needs format date-time");
        }
        if (type == BigDecimal.class) {
            String pattern = property.path("pattern").asString();
            String name = at.substring(at.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String wantedPattern = ContractFiles.MEASURE_FRAGMENTS.stream().anyMatch(name::contains)
                    ? ContractFiles.DECIMAL_PATTERN
                    : ContractFiles.MONEY_PATTERN;
            if (!wantedPattern.equals(pattern)) {
                problems.add(at + ": pattern " + pattern + ", expected " + wantedPattern);
            }
        }
        if (type.isEnum()) {
            List<@Nullable String> constants = new ArrayList<>(Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList());
            if (nullable) {
                constants.add(null);
            }
            List<@Nullable String> declaredValues = new ArrayList<>();
            property.path("enum").forEach(v -> declaredValues.add(v.isNull() ? null : v.asString()));
            if (!declaredValues.equals(constants)) {
                problems.add(at + ": enum " + declaredValues + ", expected " + constants);
            }
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class || type == Instant.class || type == BigDecimal.class || type.isEnum()) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isRecord()) {
            return "object";
        }
        throw new IllegalArgumentException("no JSON mapping decided for " + type.getName());
    }

    private static @Nullable Class<?> listElement(RecordComponent component) {
        if (List.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
