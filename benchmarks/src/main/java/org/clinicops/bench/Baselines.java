package org.clinicops.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.clinicops.clock.ClinicClock;

/**
 * What the infrastructure alone does on this machine, measured in the same run as a scenario: the
 * raw insertOne rate of the store and the raw producer rate of the broker, for the ratios the
 * targets are stated in.
 */
public final class Baselines {

    private Baselines() {}

    /**
     * insertOne per second into a scratch database of the store, from {@code threads} threads (each
     * waits for its acknowledgement, as a request thread does), with documents of about
     * {@code bytes} bytes. The database is dropped afterwards.
     */
    public static double insertOnePerSecond(String mongo, int threads, Duration duration, int bytes)
            throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongo)) {
            MongoCollection<Document> collection =
                    client.getDatabase("bench_raw").getCollection("inserts");
            collection.drop();
            String filler = "x".repeat(Math.max(0, bytes - 120));
            AtomicLong done = new AtomicLong();
            CountDownLatch finished = new CountDownLatch(threads);
            Clock clock = ClinicClock.ofThisRun();
            long end = System.nanoTime() + duration.toNanos();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                new Thread(
                                () -> {
                                    try {
                                        long i = 0;
                                        while (System.nanoTime() < end) {
                                            collection.insertOne(new Document("_id", thread + "-" + i++)
                                                    .append("siteId", "bench")
                                                    .append("status", "REQUESTED")
                                                    .append("at", Date.from(clock.instant()))
                                                    .append("filler", filler));
                                            done.incrementAndGet();
                                        }
                                    } finally {
                                        finished.countDown();
                                    }
                                },
                                "raw-insert-" + t)
                        .start();
            }
            finished.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            client.getDatabase("bench_raw").drop();
            return done.get() / seconds;
        }
    }

    /**
     * Records per second a producer configured as the services' (acks=all, idempotent) sends to a
     * scratch topic, with records of {@code bytes} bytes, asynchronously as fast as it accepts them.
     * The topic is deleted afterwards.
     */
    public static double producerRecordsPerSecond(String kafka, Duration duration, int bytes) throws Exception {
        String topic = "bench.raw-producer";
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        byte[] value = new byte[bytes];
        Arrays.fill(value, (byte) 'x');
        AtomicLong acked = new AtomicLong();
        long start;
        long end;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(topic, "warm", value)).get(); // creates the topic
            start = System.nanoTime();
            end = start + duration.toNanos();
            long i = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, "p_" + (i++ % 1000), value), (meta, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (Exception ignored) {
            // a leftover scratch topic does no harm
        }
        return acked.get() / seconds;
    }
}
