package org.clinicops.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clinicops.bench.Platform;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Every record of some topics, read once from the beginning to the end offsets of the moment (a
 * plain consumer without a group: nothing is committed, no service is disturbed). Records are
 * grouped by {@code ce_id}: a redelivery by the outbox relay (same {@code ce_id}) is one event.
 */
final class TopicSnapshot {

    /** One distinct event: its id, key and body, and how many records carried it. */
    record Event(String topic, String id, @Nullable String key, JsonNode body, int records) {

        String text(String field) {
            return body.path(field).asString("");
        }
    }

    private final Map<String, Map<String, Event>> byTopic = new LinkedHashMap<>();
    private final Map<String, Long> recordsByTopic = new LinkedHashMap<>();

    private TopicSnapshot() {}

    /** Reads the topics (those that exist; a missing one is empty). */
    static TopicSnapshot read(String bootstrap, Collection<String> topics) {
        TopicSnapshot snapshot = new TopicSnapshot();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                snapshot.byTopic.put(topic, new LinkedHashMap<>());
                snapshot.recordsByTopic.put(topic, 0L);
                for (PartitionInfo p : existing.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            if (partitions.isEmpty()) {
                return snapshot;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            end.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(30)) >= e.getValue());
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + end.keySet() + " to the end in 10 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    snapshot.add(record);
                }
                for (TopicPartition tp : Set.copyOf(end.keySet())) {
                    if (consumer.position(tp, Duration.ofSeconds(30)) >= end.get(tp)) {
                        end.remove(tp);
                    }
                }
            }
        }
        return snapshot;
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        recordsByTopic.merge(record.topic(), 1L, Long::sum);
        String id = header(record, "ce_id");
        if (id == null || record.value() == null) {
            id = record.topic() + "@" + record.partition() + ":" + record.offset(); // not a CloudEvent
        }
        Map<String, Event> events = byTopic.computeIfAbsent(record.topic(), t -> new LinkedHashMap<>());
        Event known = events.get(id);
        if (known != null) {
            events.put(id, new Event(known.topic(), id, known.key(), known.body(), known.records() + 1));
            return;
        }
        JsonNode body;
        try {
            body = Platform.JSON.readTree(record.value() == null ? new byte[0] : record.value());
        } catch (RuntimeException e) {
            body = Platform.JSON.createObjectNode();
        }
        events.put(id, new Event(record.topic(), id, record.key(), body, 1));
    }

    static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The distinct events of a topic (by {@code ce_id}), in log order per partition. */
    Collection<Event> events(String topic) {
        return byTopic.getOrDefault(topic, Map.of()).values();
    }

    /** How many records a topic holds, redeliveries included. */
    long records(String topic) {
        return recordsByTopic.getOrDefault(topic, 0L);
    }

    /** The distinct event ids per value of a body field, e.g. the ids per {@code requestId}. */
    Map<String, List<String>> idsBy(String topic, String field) {
        Map<String, List<String>> ids = new HashMap<>();
        for (Event event : events(topic)) {
            ids.computeIfAbsent(event.text(field), k -> new ArrayList<>()).add(event.id());
        }
        return ids;
    }
}
