package org.clinicops.bench.replay;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;
import org.clinicops.bench.SideStack;
import org.clinicops.clock.ClinicClock;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring rebuilds its indicator projection from N generated events (1 million by default),
 * beside a plain Kafka consumer reading the same topics in the same run. Runs on a side stack (its
 * own broker, store and monitoring-service, the platform's auth server) so that no other service
 * reacts to the generated events; the side monitoring's live listener is not started, so the
 * rebuild is the only reader of the events.
 */
public final class Replay implements Scenario {

    /** The target: the rebuild reads at least this share of the raw consume rate. */
    static final double TARGET_RATIO = 0.25;
    /** Issue 19: the rebuild of 1M events within this resident memory (VmHWM of the process). */
    static final long PEAK_RSS_TARGET_MB = 512;

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String description() {
        return "monitoring rebuilds its projections from N generated events beside a raw consumer"
                + " (--events 1000000, --sites 5, --jfr to profile the rebuild, --full-jit true: monitoring with C2)";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        int events = options.integer("events", 1_000_000);
        int sites = options.integer("sites", 5);
        String token = platform.token(); // fail early when the platform's auth server is not there
        Report report = new Report(name());
        try (SideStack stack = SideStack.start(platform, name())) {
            List<String> jvm = new ArrayList<>();
            Path jfr =
                    platform.root().resolve("var/bench/replay-monitoring.jfr").toAbsolutePath();
            if (options.flag("jfr")) {
                jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            }
            boolean fullJit = options.flag("full-jit");
            if (fullJit) {
                // the services run C1 only (-XX:TieredStopAtLevel=1, for their footprint): measure the C2 as well
                jvm.add("-XX:TieredStopAtLevel=4");
            }
            // the topics are created at start-up; the live listener stays stopped
            stack.startService("monitoring-service", jvm, List.of("--spring.kafka.listener.auto-startup=false"));

            System.out.printf("producing %,d events at %d sites...%n", events, sites);
            double produceSeconds = produce(stack.kafka(), events, sites);
            System.out.printf("produced in %.1f s; raw consume...%n", produceSeconds);
            Consumed warm = consumeAll(stack.kafka()); // warms the broker's cache for both readers
            long rawCpu = processCpuNanos();
            Consumed raw = consumeAll(stack.kafka());
            double rawCpuSeconds = (processCpuNanos() - rawCpu) / 1e9;
            System.out.printf(
                    "raw consumer: %,d records in %.2f s (first pass %.2f s); rebuild...%n",
                    raw.records(), raw.seconds(), warm.seconds());

            long pid = stack.pid("monitoring-service");
            double cpuBefore = cpuSeconds(pid);
            long start = System.nanoTime();
            var response = platform.http()
                    .send(
                            HttpRequest.newBuilder(
                                            stack.service("monitoring-service", "/api/admin/projections/rebuild"))
                                    .header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofMinutes(30))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            double rebuildSeconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = Platform.JSON.readTree(response.body());
            long eventsRead = body.path("eventsRead").asLong();
            long facts = body.path("facts").asLong();
            double replayCpuSeconds = cpuSeconds(pid) - cpuBefore;
            long rssMb = status(pid, "VmRSS") / 1024;
            long peakMb = status(pid, "VmHWM") / 1024;

            double rawRate = raw.records() / raw.seconds();
            double replayRate = eventsRead / rebuildSeconds;
            double ratio = replayRate / rawRate;
            report.table(
                            "replay of " + String.format("%,d", events) + " events (" + sites + " sites)",
                            "events",
                            "raw consume/s",
                            "replay/s",
                            "ratio",
                            "rebuild s",
                            "of which save s",
                            "monitoring RSS MB",
                            "peak RSS MB",
                            "raw CPU µs/event",
                            "replay CPU µs/event")
                    .row(
                            eventsRead,
                            Math.round(rawRate),
                            Math.round(replayRate),
                            Report.round(ratio, 3),
                            Report.round(rebuildSeconds, 2),
                            Report.round(body.path("saveSeconds").asDouble(), 2),
                            rssMb,
                            peakMb,
                            Report.round(1e6 * rawCpuSeconds / Math.max(1, raw.records()), 2),
                            Report.round(1e6 * replayCpuSeconds / Math.max(1, eventsRead), 2));
            report.figure("events", events)
                    .figure("sites", sites)
                    .figure("full_jit", fullJit)
                    .figure("produce_seconds", Report.round(produceSeconds, 2))
                    .figure("raw_records", raw.records())
                    .figure("raw_bytes", raw.bytes())
                    .figure("raw_seconds", Report.round(raw.seconds(), 3))
                    .figure("raw_per_second", Math.round(rawRate))
                    .figure("rebuild_events_read", eventsRead)
                    .figure("rebuild_facts", facts)
                    .figure("rebuild_seconds", Report.round(rebuildSeconds, 3))
                    .figure("rebuild_seconds_in_service", body.path("seconds").asDouble())
                    .figure("rebuild_save_seconds", body.path("saveSeconds").asDouble())
                    .figure("replay_per_second", Math.round(replayRate))
                    .figure("ratio", Report.round(ratio, 4))
                    .figure("raw_cpu_seconds", Report.round(rawCpuSeconds, 3))
                    .figure("replay_cpu_seconds", Report.round(replayCpuSeconds, 3))
                    .figure("monitoring_rss_mb", rssMb)
                    .figure("monitoring_peak_rss_mb", peakMb);
            report.target(
                    "replay >= 25% of the raw consume rate", Report.round(100 * ratio, 1) + "%", ratio >= TARGET_RATIO);
            report.target("monitoring's peak memory under 512 MB", peakMb + " MB", peakMb < PEAK_RSS_TARGET_MB);
            if (eventsRead != raw.records() || facts != events) {
                report.note("the rebuild read " + eventsRead + " events and holds " + facts
                        + " facts; the raw consumer read " + raw.records() + " records of " + events + " produced");
            }
            report.note("CPU per event (the benchmark's JVM for the raw consumer, the monitoring process for the"
                    + " rebuild) does not depend on what else the machine runs; rates do");
            if (options.flag("jfr")) {
                report.note("flight recording of the rebuild: " + jfr + " (written when the side monitoring stops)");
            }
        }
        return report;
    }

    /** Produces the generated events as the services would (binary-mode CloudEvents, key = patient id). */
    static double produce(String kafka, int events, int sites) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "1");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        byte[] spec = EventType.SPEC_VERSION.getBytes(StandardCharsets.UTF_8);
        // each event as its owner publishes it: consumers refuse an event from any other source
        Map<EventType, byte[]> sources = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            sources.put(type, type.source().getBytes(StandardCharsets.UTF_8));
        }
        byte[] json = EventType.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
        ClinicEventGenerator generator =
                new ClinicEventGenerator(42, sites, ClinicClock.ofThisRun().instant());
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < events && failure.get() == null; i++) {
                ClinicEventGenerator.Generated g = generator.next();
                EventType type = g.event().eventType();
                RecordHeaders headers = new RecordHeaders();
                headers.add(new RecordHeader("ce_id", g.id().getBytes(StandardCharsets.UTF_8)));
                headers.add(new RecordHeader("ce_source", sources.get(type)));
                headers.add(new RecordHeader("ce_type", type.type().getBytes(StandardCharsets.UTF_8)));
                headers.add(new RecordHeader("ce_specversion", spec));
                headers.add(new RecordHeader("ce_time", g.time().toString().getBytes(StandardCharsets.UTF_8)));
                headers.add(new RecordHeader("content-type", json));
                producer.send(
                        new ProducerRecord<>(
                                type.topic(),
                                null,
                                g.event().key().getBytes(StandardCharsets.UTF_8),
                                EventJson.write(g.event()),
                                headers),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing failed", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    record Consumed(long records, long bytes, double seconds) {}

    /** A plain consumer (no group, byte arrays) reads every clinic topic from the start to its end. */
    static Consumed consumeAll(String kafka) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the same fetch sizes as monitoring's replay, so the ratio compares decoding and folding only
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        properties.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        long records = 0;
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventType type : EventType.values()) {
                List<PartitionInfo> infos = consumer.partitionsFor(type.topic(), Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(offset -> offset == 0);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.serializedValueSize();
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return new Consumed(records, bytes, (System.nanoTime() - start) / 1e9);
    }

    /** CPU time of this JVM (every thread). */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** User and system CPU time of a process from {@code /proc/<pid>/stat} (0 where there is none). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) in clock ticks, counted after the command name
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
    }

    /** A size in kB from {@code /proc/<pid>/status} (0 where there is no such file). */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            return 0;
        }
        return 0;
    }
}
