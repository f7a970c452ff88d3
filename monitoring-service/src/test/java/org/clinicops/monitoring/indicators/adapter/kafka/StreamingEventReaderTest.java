package org.clinicops.monitoring.indicators.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The replay reads bodies with its streaming reader where it can; whatever the body, the outcome
 * (the event read, or unreadable) is the one the event class's mapper gives.
 */
class StreamingEventReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static byte[] sample(EventType type) throws IOException {
        try (InputStream in = StreamingEventReaderTest.class
                .getClassLoader()
                .getResourceAsStream("events/" + type.eventName() + ".v1.sample.json")) {
            assertThat(in).as("sample of %s", type).isNotNull();
            return Objects.requireNonNull(in).readAllBytes();
        }
    }

    /** What the mapper gives: the event, or "unreadable". */
    static Object bound(EventType type, byte[] body) {
        try {
            ClinicEvent event = KafkaEventReplay.bound(type, body);
            return event == null ? "unreadable" : event;
        } catch (RuntimeException offContract) {
            return "unreadable";
        }
    }

    static Object streamed(EventType type, byte[] body) {
        ClinicEvent event = KafkaEventReplay.body(type, body);
        return event == null ? "unreadable" : event;
    }

    @Test
    void readsEverySampleItselfAsTheMapperDoes() throws IOException {
        for (EventType type : EventType.values()) {
            byte[] body = sample(type);
            assertThat(KafkaEventReplay.streams(type, body))
                    .as("%s read by the streaming reader", type)
                    .isTrue();
            assertThat(streamed(type, body)).as("%s", type).isEqualTo(bound(type, body));
            assertThat(bound(type, body)).isNotEqualTo("unreadable");
        }
    }

    @Test
    void anyAlteredBodyHasTheMappersOutcome() throws IOException {
        List<JsonNode> replacements = List.of(
                JSON.nullNode(),
                JSON.getNodeFactory().numberNode(7),
                JSON.getNodeFactory().numberNode(7L << 40),
                JSON.getNodeFactory().numberNode(7.5),
                JSON.getNodeFactory().stringNode("x"),
                JSON.getNodeFactory().stringNode(""),
                JSON.getNodeFactory().stringNode(" 12.50"),
                JSON.getNodeFactory().stringNode("1e3"),
                JSON.getNodeFactory().stringNode("2026-03-02T09:00:00+01:00"),
                JSON.getNodeFactory().stringNode("2026-02-30T09:00:00Z"),
                JSON.getNodeFactory().booleanNode(true),
                JSON.createArrayNode(),
                JSON.createObjectNode());
        int variants = 0;
        for (EventType type : EventType.values()) {
            byte[] original = sample(type);
            ObjectNode tree = (ObjectNode) JSON.readTree(original);
            List<byte[]> bodies = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                ObjectNode without = tree.deepCopy();
                without.remove(field.getKey());
                bodies.add(JSON.writeValueAsBytes(without));
                for (JsonNode replacement : replacements) {
                    ObjectNode changed = tree.deepCopy();
                    changed.set(field.getKey(), replacement);
                    bodies.add(JSON.writeValueAsBytes(changed));
                }
            }
            ObjectNode unknown = tree.deepCopy();
            unknown.putObject("addedLater").put("nested", 1).putArray("list").add("a");
            bodies.add(JSON.writeValueAsBytes(unknown));
            String text = new String(original, StandardCharsets.UTF_8).trim();
            bodies.add((text + " {}").getBytes(StandardCharsets.UTF_8));
            bodies.add((text + " x").getBytes(StandardCharsets.UTF_8));
            bodies.add(text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
            bodies.add(("[" + text + "]").getBytes(StandardCharsets.UTF_8));
            bodies.add("null".getBytes(StandardCharsets.UTF_8));
            bodies.add(new byte[0]);
            String firstField = tree.propertyNames().iterator().next();
            bodies.add(("{\"" + firstField + "\":" + tree.get(firstField) + "," + text.substring(1))
                    .getBytes(StandardCharsets.UTF_8));
            for (byte[] body : bodies) {
                assertThat(streamed(type, body))
                        .as("%s: %s", type, new String(body, StandardCharsets.UTF_8))
                        .isEqualTo(bound(type, body));
                variants++;
            }
        }
        assertThat(variants).isGreaterThan(1000);
    }
}
