package org.clinicops.bench.booking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinicops.clock.ClinicClock;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.TreatmentPlanApproved;

/**
 * Publishes treatment-plan-approved events as the intake service does (CloudEvents binary mode,
 * key = patient id) and measures, per plan, the time until all of its infusion-scheduled events
 * have been consumed from the broker.
 */
final class SeriesProbe implements AutoCloseable {

    static final String APPROVED = "clinic.treatment-plan-approved";
    static final String SCHEDULED = "clinic.infusion-scheduled";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    private record Waiter(int sessions, AtomicInteger seen, CompletableFuture<Long> done) {}

    SeriesProbe(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partitions.isEmpty()) {
            List<PartitionInfo> infos = consumer.partitionsFor(SCHEDULED, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            if (partitions.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + SCHEDULED + " does not exist on " + bootstrap);
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the positions before anything is published
        poller = new Thread(this::poll, "booking-scale-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long at = System.nanoTime();
                InfusionScheduled event = EventJson.read(record.value(), InfusionScheduled.class);
                Waiter waiter = waiting.get(event.planId());
                if (waiter != null && waiter.seen().incrementAndGet() == waiter.sessions()) {
                    waiter.done().complete(at);
                }
            }
        }
        consumer.close();
    }

    /**
     * Publishes the plan and waits until its sessions are all scheduled; answers the nanoseconds from
     * just before sending to the last infusion-scheduled consumed.
     *
     * @throws java.util.concurrent.TimeoutException when the series was not scheduled in time (it
     *     waits on the waiting list, or the service is stuck)
     */
    long book(TreatmentPlanApproved plan, Duration timeout) throws Exception {
        Waiter waiter = new Waiter(plan.sessions(), new AtomicInteger(), new CompletableFuture<>());
        waiting.put(plan.planId(), waiter);
        try {
            long started = System.nanoTime();
            producer.send(record(plan)).get(10, TimeUnit.SECONDS);
            return waiter.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS) - started;
        } finally {
            waiting.remove(plan.planId());
        }
    }

    static ProducerRecord<String, byte[]> record(TreatmentPlanApproved plan) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(APPROVED, null, plan.patientId(), EventJson.write(plan));
        header(record, "ce_id", "evt_" + UUID.randomUUID());
        // as its owner publishes it: scheduling refuses the event from any other source
        header(record, "ce_source", EventType.TREATMENT_PLAN_APPROVED.source());
        header(record, "ce_type", APPROVED + ".v1");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", ClinicClock.ofThisRun().instant().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
