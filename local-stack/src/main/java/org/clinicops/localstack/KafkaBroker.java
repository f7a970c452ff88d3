package org.clinicops.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Apache Kafka node in KRaft combined mode (broker and controller in one process), with its
 * log and metadata under {@code dataDir/logs}. The storage is formatted on first start with a cluster
 * id kept in {@code dataDir/cluster.id}; later starts reuse the formatted storage and its records.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private @Nullable KafkaRaftServer server;

    KafkaBroker(Path dataDir, int port, int controllerPort) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("broker and controller ports must differ, both are " + port);
        }
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The broker configuration: a one-node cluster tuned for a developer machine. */
    Map<String, String> serverProperties() {
        Map<String, String> config = new TreeMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.put("log.dirs", logDir().toString());
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "true");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        // 50 partitions by default; a handful keeps the first consumer group's start quick.
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MiB dedupe buffer is most of a small heap.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return config;
    }

    /** Formats the storage if this is the first start, then starts the node and returns once it serves. */
    void start() throws IOException {
        Files.createDirectories(logDir());
        Path configFile = writeServerProperties();
        formatStorageIfNeeded(configFile);
        Properties properties = new Properties();
        properties.putAll(serverProperties());
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server = raftServer;
        raftServer.startup();
        log.info(
                "Kafka broker ready: bootstrap {} (controller localhost:{}, data {})",
                bootstrapServers(),
                controllerPort,
                dataDir);
    }

    /** Blocks until the node has shut down. */
    void awaitShutdown() {
        KafkaRaftServer current = server;
        if (current != null) {
            current.awaitShutdown();
        }
    }

    /** Stops the node cleanly: its logs are flushed and the next start needs no recovery. */
    @Override
    public void close() {
        KafkaRaftServer current = server;
        if (current == null || !stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Kafka broker on {}", bootstrapServers());
        current.shutdown();
        current.awaitShutdown();
        log.info("Kafka broker stopped");
    }

    private Path writeServerProperties() throws IOException {
        Path file = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("# Written by ClinicOps LocalStack on every start; edits are overwritten.\n");
            for (var entry : serverProperties().entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
        return file;
    }

    private void formatStorageIfNeeded(Path configFile) throws IOException {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            log.info("Reusing formatted Kafka storage in {}", logDir());
            return;
        }
        String clusterId = clusterId();
        log.info("Formatting Kafka storage in {} for cluster {}", logDir(), clusterId);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(
                    new String[] {
                        "format", "--cluster-id", clusterId, "--config", configFile.toString(), "--ignore-formatted"
                    },
                    out);
        }
        String message = output.toString(StandardCharsets.UTF_8).strip();
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (" + exitCode + "): " + message);
        }
        if (!message.isEmpty()) {
            log.info("{}", message);
        }
    }

    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String clusterId = Uuid.randomUuid().toString();
        Files.writeString(file, clusterId + "\n", StandardCharsets.UTF_8);
        return clusterId;
    }
}
