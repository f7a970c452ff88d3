package org.clinicops.billing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;

/**
 * The contract's JSON Schemas and samples ({@code events/<name>.v1.schema.json} and {@code
 * .sample.json} in the event-contracts jar): producer tests validate what this service publishes,
 * consumer tests publish the sample.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {}

    /** The schema violations of a published body; empty when it is valid. */
    public static List<String> violations(EventType type, byte[] body) {
        Schema schema = REGISTRY.getSchema(EventJson.mapper().readTree(resource(type, "schema")));
        return schema.validate(EventJson.mapper().readTree(body)).stream()
                .map(Object::toString)
                .toList();
    }

    /** The contract's sample body of the event. */
    public static byte[] sample(EventType type) {
        return resource(type, "sample");
    }

    private static byte[] resource(EventType type, String kind) {
        String name = "events/" + type.eventName() + ".v1." + kind + ".json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
