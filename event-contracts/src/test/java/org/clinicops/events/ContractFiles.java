package org.clinicops.events;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads the schema and sample files of the contract from the classpath and validates bodies. */
final class ContractFiles {

    static final String MONEY_PATTERN = "^-?[0-9]+(\\.[0-9]{1,4})?$";

    /** Non-negative decimals that are not money, such as doses in milligrams. */
    static final String DECIMAL_PATTERN = "^[0-9]+(\\.[0-9]{1,4})?$";

    /** Fragments of the names of decimal properties that are measures, not money. */
    static final List<String> MEASURE_FRAGMENTS = List.of("dose", "weight");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    // date-time is only an annotation in 2020-12 unless assertions are switched on
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<EventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractFiles() {}

    static String schemaResource(EventType type) {
        return "events/" + type.eventName() + ".v1.schema.json";
    }

    static String sampleResource(EventType type) {
        return "events/" + type.eventName() + ".v1.sample.json";
    }

    static @Nullable InputStream open(String resource) {
        return ContractFiles.class.getClassLoader().getResourceAsStream(resource);
    }

    static byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        return EventJson.mapper().readTree(bytes(resource));
    }

    static ObjectNode schema(EventType type) {
        return (ObjectNode) json(schemaResource(type));
    }

    static byte[] sampleBytes(EventType type) {
        return bytes(sampleResource(type));
    }

    static ObjectNode sample(EventType type) {
        return (ObjectNode) json(sampleResource(type));
    }

    /** The schema violations of a body, empty when it is valid. */
    static List<String> violations(EventType type, JsonNode body) {
        Schema schema = SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(schema(t)));
        return schema.validate(body).stream().map(Object::toString).toList();
    }

    static List<String> violations(ClinicEvent event) {
        return violations(event.eventType(), EventJson.mapper().readTree(EventJson.write(event)));
    }
}
