package org.clinicops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aloneReplicatesNothing() {
        Map<String, String> config = new KafkaBroker(dataDir, 9092, 9093).serverProperties();

        assertThat(config)
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@localhost:9093")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1");
    }

    @Test
    void aNodeOfThreeReplicatesToAllAndNeedsTwoInSync() {
        Map<String, String> config = new KafkaBroker(
                        dataDir, 9094, 9095, 2, "1@localhost:9093,3@localhost:9097,2@localhost:9095", null)
                .serverProperties();

        assertThat(config)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@localhost:9093,2@localhost:9095,3@localhost:9097")
                .containsEntry("listeners", "PLAINTEXT://localhost:9094,CONTROLLER://localhost:9095")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2");
    }

    @Test
    void refusesAQuorumWithoutTheNodeOrWithAnotherControllerPort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaBroker(dataDir, 9094, 9095, 2, "1@localhost:9093,3@localhost:9097", null))
                .withMessageContaining("must name node 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaBroker(dataDir, 9094, 9095, 2, "1@localhost:9093,2@localhost:9099", null))
                .withMessageContaining("controller port 9095");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaBroker(dataDir, 9094, 9095, 2, "1@localhost:9093,2@localhost", null))
                .withMessageContaining("id@host:port");
    }

    /**
     * Three nodes started together agree on one cluster id; a topic replicated to all three keeps
     * taking acks=all writes and serving them while one node is stopped.
     */
    @Test
    @Timeout(180)
    void threeNodesKeepAcceptingWritesWithOneNodeDown() throws Exception {
        int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
        int[] controllerPorts = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
        String voters = "1@localhost:" + controllerPorts[0] + ",2@localhost:" + controllerPorts[1] + ",3@localhost:"
                + controllerPorts[2];
        Path clusterIdFile = dataDir.resolve("cluster.id");
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(new KafkaBroker(
                    dataDir.resolve("broker-" + (i + 1)), ports[i], controllerPorts[i], i + 1, voters, clusterIdFile));
        }
        try {
            // a quorum needs two voters: start them together
            assertThat(inParallel(nodes, KafkaBroker::start)).isEmpty();
            String clusterId = Files.readString(clusterIdFile).strip();
            for (int i = 1; i <= 3; i++) {
                assertThat(dataDir.resolve("broker-" + i + "/logs/meta.properties"))
                        .content()
                        .contains("cluster.id=" + clusterId, "node.id=" + i);
            }
            String all = "localhost:" + ports[0] + ",localhost:" + ports[1] + ",localhost:" + ports[2];
            assertThat(send(all, "p_1001", "before").hasOffset()).isTrue();

            nodes.get(0).close();

            assertThat(send(all, "p_1002", "one node down").hasOffset()).isTrue();
            String survivors = "localhost:" + ports[1] + ",localhost:" + ports[2];
            assertThat(consumeFromStart(survivors, 2))
                    .containsExactlyInAnyOrder("p_1001=before", "p_1002=one node down");
        } finally {
            // together: a node stopping alone after the others would wait for a controller quorum
            inParallel(nodes, KafkaBroker::close);
        }
    }

    interface NodeAction {
        void run(KafkaBroker node) throws Exception;
    }

    /** Runs the action on every node at once; answers what failed. */
    private static List<Throwable> inParallel(List<KafkaBroker> nodes, NodeAction action) throws InterruptedException {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (KafkaBroker node : nodes) {
            Thread thread = new Thread(() -> {
                try {
                    action.run(node);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return failures;
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

    private static List<String> consumeFromStart(String bootstrapServers) {
        return consumeFromStart(bootstrapServers, 1);
    }

    /** Reads the topic from the beginning with a new consumer group until {@code count} records arrived. */
    private static List<String> consumeFromStart(String bootstrapServers, int count) {
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
                return received.size() >= count;
            });
        }
        return received;
    }
}
