package org.clinicops.bench.cost;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Which of the units of work a benchmark awaits have reached their last event: a consumer reads a
 * topic from its end (no group, nothing committed, the broker's default fetch wait so that it adds
 * little to the broker's work) and names the unit each record finishes. A record may overtake the
 * answer that names its unit; it is remembered until then.
 */
final class Outcomes implements AutoCloseable {

    private final Set<String> awaited = new HashSet<>();
    private final Set<String> early = new HashSet<>();
    private long done;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread consumer;

    /**
     * Starts reading {@code topic} at its end; {@code unit} names the unit a record finishes (its key,
     * or a field of its payload), null for records that finish none.
     */
    Outcomes(String kafka, String topic, Function<ConsumerRecord<String, byte[]>, @Nullable String> unit)
            throws InterruptedException {
        consumer = new Thread(() -> consume(kafka, topic, unit), "cost-outcomes-" + topic);
        consumer.setDaemon(true);
        consumer.start();
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not read " + topic + " within 60 s");
        }
    }

    /** A unit was accepted: its outcome is awaited. */
    synchronized void expect(String id) {
        if (early.remove(id)) {
            done++;
        } else {
            awaited.add(id);
        }
    }

    /** A unit reached its outcome another way (e.g. it waits on the waiting list). */
    synchronized void finished(Collection<String> ids) {
        for (String id : ids) {
            if (awaited.remove(id)) {
                done++;
            }
        }
    }

    private synchronized void seen(String id) {
        if (awaited.remove(id)) {
            done++;
        } else if (early.size() < 100_000) {
            early.add(id);
        }
    }

    /** Units accepted whose outcome has not been seen. */
    synchronized int waiting() {
        return awaited.size();
    }

    synchronized List<String> waitingIds() {
        return List.copyOf(awaited);
    }

    /** Units that reached their outcome since the last reset. */
    synchronized long done() {
        return done;
    }

    synchronized void reset() {
        awaited.clear();
        early.clear();
        done = 0;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.join(10_000);
    }

    private void consume(String kafka, String topic, Function<ConsumerRecord<String, byte[]>, @Nullable String> unit) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-cost-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = kafkaConsumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            kafkaConsumer.assign(partitions);
            kafkaConsumer.seekToEnd(partitions);
            partitions.forEach(kafkaConsumer::position);
            positioned.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : kafkaConsumer.poll(Duration.ofMillis(500))) {
                    String id = unit.apply(record);
                    if (id != null) {
                        seen(id);
                    }
                }
            }
        }
    }
}
