package org.clinicops.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a test reads from the platform's broker, leaving no trace there: records from the beginning of
 * their partitions through a consumer without a group (a group's committed offsets would stay behind
 * as lag that never ends, which a check of the platform's consumers then counts), the topics there
 * are, and how far consumer groups are behind.
 */
final class BrokerReads {

    private final String brokers;

    BrokerReads(String brokers) {
        this.brokers = brokers;
    }

    /** Waits (at most {@code atMost}) until each wanted record is on the topics, read from their beginning. */
    void awaitEach(List<String> topics, List<Predicate<ConsumerRecord<String, byte[]>>> wanted, Duration atMost) {
        try (KafkaConsumer<String, byte[]> consumer = groupless()) {
            fromTheBeginning(consumer, topics);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await("records on " + topics).atMost(atMost).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return wanted.stream().allMatch(w -> seen.stream().anyMatch(w));
            });
        }
    }

    /** Every record of the topics, from the beginning to the end each partition has now. */
    List<ConsumerRecord<String, byte[]>> readToEnd(List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = groupless()) {
            List<TopicPartition> partitions = fromTheBeginning(consumer, topics);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            await("the end of " + topics).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return read;
        }
    }

    /** The names of the topics on the broker that match. */
    List<String> topics(Predicate<String> which) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get().stream()
                    .filter(which)
                    .sorted()
                    .toList();
        }
    }

    /** Records the consumer groups have not read yet, over every partition they committed offsets on. */
    long lag(List<String> groups) throws InterruptedException, ExecutionException {
        long lag = 0;
        try (Admin admin = admin()) {
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get());
                committed.values().removeIf(Objects::isNull);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (var position : committed.entrySet()) {
                    lag += Math.max(
                            0,
                            ends.get(position.getKey()).offset()
                                    - position.getValue().offset());
                }
            }
        }
        return lag;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    private KafkaConsumer<String, byte[]> groupless() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static List<TopicPartition> fromTheBeginning(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
