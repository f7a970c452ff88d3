package org.clinicops.platform.test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.platform.outbox.PendingEvent;

/**
 * The contract's JSON Schemas and samples (the {@code events/<name>.v1.schema.json} and {@code
 * .sample.json} files of event-contracts): a producer test validates each event its service raises
 * (STYLE rule 12), a consumer test publishes the sample. Tests that use it declare {@code
 * com.networknt:json-schema-validator} in test scope.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    // date-time is only an annotation in 2020-12 unless assertions are switched on
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<EventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** The schema violations of an event as it waits in an outbox, empty when it is valid. */
    public static List<String> violations(PendingEvent event) {
        EventType type = EventType.fromType(event.type()).orElseThrow();
        return violations(type, event.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The schema violations of a body of the type, empty when it is valid. */
    public static List<String> violations(EventType type, byte[] body) {
        Schema schema = SCHEMAS.computeIfAbsent(type, EventSchemas::load);
        return schema.validate(EventJson.mapper().readTree(body)).stream()
                .map(Object::toString)
                .toList();
    }

    /** The sample body of the type from the contract (what a consumer test reads). */
    public static byte[] sample(EventType type) {
        return resource("events/" + type.eventName() + ".v1.sample.json");
    }

    private static Schema load(EventType type) {
        return REGISTRY.getSchema(
                EventJson.mapper().readTree(resource("events/" + type.eventName() + ".v1.schema.json")));
    }

    private static byte[] resource(String name) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing contract file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
