package org.clinicops.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
 * An Apache Kafka node in KRaft combined mode (broker and controller in one process), with its log
 * and metadata under {@code dataDir/logs}. Alone (the default) it is a one-node cluster; given the
 * controller quorum of several such nodes ({@code 1@localhost:9093,2@localhost:9095,...}) it is one
 * of them, and topics get a replication factor of up to 3 with {@code min.insync.replicas} 2 once
 * there are three nodes, so the cluster keeps accepting acks=all writes with one node down. The
 * storage is formatted on first start with a cluster id kept in a file ({@code dataDir/cluster.id}
 * unless the nodes of a cluster share one); later starts reuse the formatted storage and its records.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int SINGLE_NODE_ID = 1;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int nodeId;
    private final Map<Integer, String> voters;
    private final Path clusterIdFile;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private @Nullable KafkaRaftServer server;

    /** A one-node cluster. */
    KafkaBroker(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, SINGLE_NODE_ID, null, null);
    }

    /**
     * Node {@code nodeId} of the cluster whose controller quorum is {@code voters} (e.g. {@code
     * 1@localhost:9093,2@localhost:9095,3@localhost:9097}; null: this node alone), with the cluster
     * id in {@code clusterIdFile} (null: {@code dataDir/cluster.id}), created by whichever node of
     * the cluster formats its storage first.
     */
    KafkaBroker(
            Path dataDir,
            int port,
            int controllerPort,
            int nodeId,
            @Nullable String voters,
            @Nullable Path clusterIdFile) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("broker and controller ports must differ, both are " + port);
        }
        if (nodeId < 0) {
            throw new IllegalArgumentException("the node id must not be negative: " + nodeId);
        }
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.voters = voters == null ? Map.of(nodeId, "localhost:" + controllerPort) : parseVoters(voters);
        String own = this.voters.get(nodeId);
        if (own == null || !own.endsWith(":" + controllerPort)) {
            throw new IllegalArgumentException("the controller quorum " + voters + " must name node " + nodeId
                    + " with its controller port " + controllerPort);
        }
        this.clusterIdFile = clusterIdFile == null
                ? this.dataDir.resolve("cluster.id")
                : clusterIdFile.toAbsolutePath().normalize();
    }

    /** Parses {@code id@host:port,...} into node id → host:port, in node id order. */
    static Map<Integer, String> parseVoters(String voters) {
        Map<Integer, String> parsed = new TreeMap<>();
        for (String voter : voters.split(",")) {
            String[] parts = voter.strip().split("@", 2);
            int colon = parts.length == 2 ? parts[1].lastIndexOf(':') : -1;
            if (colon <= 0) {
                throw new IllegalArgumentException("a controller quorum voter is id@host:port, not '" + voter + "'");
            }
            try {
                int id = Integer.parseInt(parts[0]);
                Integer.parseInt(parts[1].substring(colon + 1));
                if (parsed.put(id, parts[1]) != null) {
                    throw new IllegalArgumentException("node " + id + " is named twice in " + voters);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a controller quorum voter is id@host:port, not '" + voter + "'", e);
            }
        }
        return Map.copyOf(parsed);
    }

    /** How many nodes the cluster has (its controller quorum). */
    int clusterSize() {
        return voters.size();
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /**
     * The broker configuration, tuned for a developer machine: alone, replication factor 1; in a
     * cluster, topics (and the offsets and transaction logs) are replicated to up to three nodes
     * and, from three nodes on, need two in sync to accept an acks=all write.
     */
    Map<String, String> serverProperties() {
        int replicas = Math.min(3, clusterSize());
        String minInSync = clusterSize() >= 3 ? "2" : "1";
        Map<String, String> config = new TreeMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(nodeId));
        config.put("controller.quorum.voters", quorumVoters());
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.put("log.dirs", logDir().toString());
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "true");
        config.put("default.replication.factor", String.valueOf(replicas));
        config.put("min.insync.replicas", minInSync);
        config.put("offsets.topic.replication.factor", String.valueOf(replicas));
        // 50 partitions by default; a handful keeps the first consumer group's start quick.
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        config.put("transaction.state.log.min.isr", minInSync);
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
        config.put("share.coordinator.state.topic.min.isr", minInSync);
        config.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MiB dedupe buffer is most of a small heap.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return config;
    }

    private String quorumVoters() {
        StringBuilder text = new StringBuilder();
        voters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(voter -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(voter.getKey()).append('@').append(voter.getValue());
        });
        return text.toString();
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
                "Kafka broker ready: bootstrap {} (node {} of {}, controller localhost:{}, data {})",
                bootstrapServers(),
                nodeId,
                clusterSize(),
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

    /**
     * The cluster id in the cluster id file, written there first if it does not exist. The nodes of a
     * cluster start together: each writes a candidate to a file of its own and links it to the shared
     * name, which only the first link creates, so all of them read the same complete id.
     */
    private String clusterId() throws IOException {
        Path file = clusterIdFile;
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path candidate = file.resolveSibling(file.getFileName() + "." + nodeId + ".tmp");
            Files.writeString(candidate, Uuid.randomUuid() + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, candidate);
            } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                // its id stands
            } finally {
                Files.deleteIfExists(candidate);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
