package org.clinicops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String TOPIC = "clinic.local-stack-check";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void deliversRecordsInKraftModeAndKeepsThemAcrossARestart() throws Exception {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        String clusterId;

        try (KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort)) {
            broker.start();
            assertThat(dataDir.resolve("logs/meta.properties")).content().contains("node.id=1");
            clusterId = Files.readString(dataDir.resolve("cluster.id")).strip();

            RecordMetadata sent = send(broker.bootstrapServers(), "p_1001", "session-completed");
            assertThat(sent.hasOffset()).isTrue();
            assertThat(consumeFromStart(broker.bootstrapServers())).containsExactly("p_1001=session-completed");
        }

        try (KafkaBroker restarted = new KafkaBroker(dataDir, port, controllerPort)) {
            restarted.start();
            assertThat(Files.readString(dataDir.resolve("cluster.id")).strip()).isEqualTo(clusterId);
            assertThat(consumeFromStart(restarted.bootstrapServers())).containsExactly("p_1001=session-completed");
        }
    }

    private static RecordMetadata send(String bootstrapServers, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(config)) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic from the beginning with a new consumer group until a record arrives. */
    private static List<String> consumeFromStart(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "local-stack-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    received.add(record.key() + "=" + record.value());
                }
                return !received.isEmpty();
            });
        }
        return received;
    }
}
