package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AsyncApiDocumentTest {

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = ContractFiles.open("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            doc = YAMLMapper.builder().build().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi300DocumentWithALocalKafkaServer() {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.at("/info/title").asString()).isNotBlank();
        assertThat(doc.at("/info/version").asString()).isEqualTo("1.0.0");
        assertThat(doc.at("/servers/local/host").asString()).isEqualTo("localhost:9092");
        assertThat(doc.at("/servers/local/protocol").asString()).isEqualTo("kafka");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTopicHasAChannelWhosePayloadIsTheEventSchemaFile(EventType type) throws Exception {
        JsonNode message = message(type);
        String payloadRef = message.at("/payload/$ref").asString();

        assertThat(payloadRef).isEqualTo("./" + ContractFiles.schemaResource(type));
        try (InputStream schema = ContractFiles.open(payloadRef.substring(2))) {
            assertThat(schema).as(payloadRef).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messageDocumentsTheCloudEventsBinaryHeaders(EventType type) {
        JsonNode message = message(type);
        JsonNode common = doc.at("/components/schemas/CloudEventsHeaders");

        assertThat(message.at("/headers/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/CloudEventsHeaders");
        assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asString())
                .isEqualTo(type.type());
        assertThat(strings(common.path("required")))
                .containsExactlyInAnyOrder(
                        "ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time", "content-type");
        assertThat(common.at("/properties/ce_specversion/const").asString()).isEqualTo(EventType.SPEC_VERSION);
        assertThat(common.at("/properties/content-type/const").asString()).isEqualTo(EventType.CONTENT_TYPE);
        assertThat(message.path("contentType").asString()).isEqualTo(EventType.CONTENT_TYPE);
        assertThat(message.at("/examples/0/headers/ce_type").asString()).isEqualTo(type.type());
        assertThat(message.at("/examples/0/headers/ce_source").asString()).isEqualTo(type.source());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordKeyIsDescribedAndOnlySitesAreCompacted(EventType type) {
        JsonNode channel = channel(type);
        String key = message(type).at("/bindings/kafka/key/description").asString();
        List<String> cleanup = strings(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy"));

        assertThat(key).startsWith(type.keyedBySite() ? "Site id" : "Pseudonymous patient id");
        assertThat(cleanup).containsExactly(type.compacted() ? "compact" : "delete");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void producerAndConsumersMatchTheRoutingTable(EventType type) {
        String channelRef = "#/channels/" + channelKey(type);
        List<String> senders = new ArrayList<>();
        Set<String> receivers = new HashSet<>();
        doc.path("operations").forEachEntry((id, operation) -> {
            if (!operation.at("/channel/$ref").asString().equals(channelRef)) {
                return;
            }
            String service = operation.at("/tags/0/name").asString().replace("-service", "");
            assertThat(id).startsWith(service + ".");
            if (operation.path("action").asString().equals("send")) {
                senders.add(service);
            } else {
                assertThat(operation.path("action").asString()).isEqualTo("receive");
                receivers.add(service);
            }
        });

        EventRouting expected = EventRouting.TABLE.get(type);
        assertThat(senders).containsExactly(expected.producer());
        assertThat(receivers).isEqualTo(expected.consumers());
    }

    @Test
    void everyTopicHasADeadLetterTopicWithoutStackTracesOrExceptionMessages() {
        JsonNode dlt = doc.at("/channels/deadLetters");
        JsonNode headers = doc.at("/components/schemas/DeadLetterHeaders/properties");

        assertThat(dlt.path("address").asString()).isEqualTo("clinic.{eventName}.dlt");
        assertThat(strings(dlt.at("/parameters/eventName/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                        .map(EventType::eventName)
                        .toList());
        for (String forbidden : List.of(
                "kafka_dlt-exception-stacktrace",
                "kafka_dlt-exception-message",
                "kafka_dlt-key-exception-stacktrace",
                "kafka_dlt-key-exception-message")) {
            assertThat(headers.path(forbidden).isBoolean()
                            && !headers.path(forbidden).asBoolean())
                    .as(forbidden + " is declared as never present")
                    .isTrue();
        }
        assertThat(headers.has("kafka_dlt-original-topic")).isTrue();
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectBrokenRefs(doc, broken);

        assertThat(broken).isEmpty();
    }

    @Test
    void everyChannelIsAnEventTopicOrTheDeadLetters() {
        Set<String> addresses = new HashSet<>();
        doc.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asString()));

        Set<String> expected = new HashSet<>();
        Arrays.stream(EventType.values()).forEach(t -> expected.add(t.topic()));
        expected.add("clinic.{eventName}.dlt");
        assertThat(addresses).isEqualTo(expected);
    }

    private static String channelKey(EventType type) {
        String[] words = type.eventName().split("-");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    private static JsonNode channel(EventType type) {
        JsonNode channel = doc.path("channels").path(channelKey(type));
        assertThat(channel.path("address").asString()).as("channel for " + type).isEqualTo(type.topic());
        return channel;
    }

    private static JsonNode message(EventType type) {
        JsonNode messages = channel(type).path("messages");
        assertThat(messages.size()).isEqualTo(1);
        return resolve(messages.values().iterator().next());
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? resolve(doc.at(ref.substring(1))) : node;
    }

    private static void collectBrokenRefs(JsonNode node, List<String> broken) {
        String ref = node.path("$ref").asString("");
        if (ref.startsWith("#/") && doc.at(ref.substring(1)).isMissingNode()) {
            broken.add(ref);
        } else if (ref.startsWith("./") && ContractFiles.class.getClassLoader().getResource(ref.substring(2)) == null) {
            broken.add(ref);
        }
        node.values().forEach(child -> collectBrokenRefs(child, broken));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
