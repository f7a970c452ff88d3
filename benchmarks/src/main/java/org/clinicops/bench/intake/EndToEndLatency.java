package org.clinicops.bench.intake;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clinicops.bench.Latencies;
import org.clinicops.bench.OpenLoad;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * From a consultation request being accepted (intake's 201 received) to the consultation-scheduled
 * event of that patient being consumed from the broker: intake's outbox relay, the broker,
 * scheduling's consumer, booking, scheduling's relay and the broker again. Open-model load at each
 * rate; every accepted request is awaited.
 */
public final class EndToEndLatency implements Scenario {

    /**
     * The targets by offered rate: issue 19's at 20/s (sustained for 5 minutes) and 50/s, the first
     * round's at 200/s. A rate with no target is reported without a verdict.
     */
    static final List<Target> TARGETS = List.of(
            new Target(20, 100, Double.NaN, Duration.ofMinutes(5)),
            new Target(50, 500, 50, Duration.ZERO),
            new Target(200, 50, Double.NaN, Duration.ZERO));

    /**
     * A latency target at one offered rate: request to consultation-scheduled p99 below {@code
     * p99Millis}, intake's POST p99 below {@code httpP99Millis} when that is a number, over a step of
     * at least {@code sustained}. Every accepted request must be scheduled within the settle time.
     */
    record Target(int rate, double p99Millis, double httpP99Millis, Duration sustained) {

        /** The verdicts of one step's figures, as rows for {@link Report#target}. */
        List<Verdict> judge(double p99, double httpP99, long missing, Duration step) {
            String over = sustained.isZero() ? "" : " for " + sustained.toMinutes() + " minutes";
            String shortStep = step.compareTo(sustained) < 0 ? " (a " + step.toSeconds() + " s step)" : "";
            String unscheduled = missing > 0 ? ", " + missing + " not scheduled" : "";
            List<Verdict> verdicts = new ArrayList<>();
            verdicts.add(new Verdict(
                    "request -> consultation-scheduled p99 < " + (long) p99Millis + " ms at " + rate + "/s" + over,
                    Report.round(p99, 1) + " ms" + unscheduled + shortStep,
                    p99 < p99Millis && missing == 0 && shortStep.isEmpty()));
            if (!Double.isNaN(httpP99Millis)) {
                verdicts.add(new Verdict(
                        "intake POST p99 < " + (long) httpP99Millis + " ms at " + rate + "/s",
                        Report.round(httpP99, 1) + " ms",
                        httpP99 < httpP99Millis));
            }
            return verdicts;
        }
    }

    record Verdict(String target, String achieved, boolean met) {}

    @Override
    public String name() {
        return "e2e-latency";
    }

    @Override
    public String description() {
        return "request accepted -> consultation-scheduled consumed, p50/p99 at --rates 20,50 (--step 300s each,"
                + " after --warmup 30s; --sites 4 with --physicians 12 of their own each), and by when the request"
                + " was accepted (--window 10s)";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        List<Integer> rates = options.integers("rates", List.of(20, 50));
        Duration step = options.duration("step", Duration.ofMinutes(5));
        Duration settle = options.duration("settle", Duration.ofSeconds(30));
        Duration window = options.duration("window", Duration.ofSeconds(10));
        Report report = new Report(name());
        Report.Table table = report.table(
                "Request accepted -> consultation-scheduled consumed",
                "offered/s",
                "accepted",
                "scheduled",
                "p50 ms",
                "p99 ms",
                "max ms",
                "http p99 ms",
                "missing");
        // Physicians of each site's own: with ids shared across sites, the 12 calendars filled after
        // about 11,000 consultations, and a run of 20/s then 50/s for 5 minutes each (21,600
        // requests) put the rest on the waiting list, where no consultation-scheduled comes.
        List<String> sites = BenchSites.create(
                platform,
                "bench-e2e",
                options.integer("sites", 4),
                new BenchSites.Shape("UTC", 4, 1, options.integer("physicians", 12), true, List.of()));

        Tracker tracker = new Tracker(window);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(platform, tracker, running), "e2e-consumer");
        consumer.start();
        Thread.sleep(2_000); // the consumer is positioned at the end of the topic
        OpenLoad load = new OpenLoad(options.integer("max-in-flight", 2000));
        load.run(
                20,
                options.duration("warmup", Duration.ofSeconds(30)),
                Duration.ofSeconds(10),
                call(platform, sites, tracker));
        waitFor(tracker, settle);
        List<Verdict> verdicts = new ArrayList<>();
        try {
            for (int rate : rates) {
                tracker.reset();
                OpenLoad.Step http = load.run(rate, step, Duration.ofSeconds(15), call(platform, sites, tracker));
                long accepted = http.succeeded();
                waitFor(tracker, settle);
                Histogram h = tracker.latencies.histogram();
                table.row(
                        rate,
                        accepted,
                        tracker.scheduled.get(),
                        Report.round(Latencies.millis(h, 50), 1),
                        Report.round(Latencies.millis(h, 99), 1),
                        Report.round(h.getMaxValue() / 1000.0, 1),
                        Report.round(http.p(99), 1),
                        tracker.waiting());
                report.figure("p50Millis@" + rate, Report.round(Latencies.millis(h, 50), 1))
                        .figure("p99Millis@" + rate, Report.round(Latencies.millis(h, 99), 1));
                Report.Table timeline = report.table(
                        "At " + rate + "/s, by when the request was accepted (" + window.toSeconds() + " s windows)",
                        "from s",
                        "scheduled",
                        "p50 ms",
                        "p99 ms",
                        "max ms");
                tracker.windows.forEach((index, latencies) -> {
                    Histogram w = latencies.histogram();
                    timeline.row(
                            index * window.toSeconds(),
                            w.getTotalCount(),
                            Report.round(Latencies.millis(w, 50), 1),
                            Report.round(Latencies.millis(w, 99), 1),
                            Report.round(w.getMaxValue() / 1000.0, 1));
                });
                for (Target target : TARGETS) {
                    if (target.rate() == rate) {
                        verdicts.addAll(target.judge(Latencies.millis(h, 99), http.p(99), tracker.waiting(), step));
                    }
                }
            }
        } finally {
            running.set(false);
            consumer.join(10_000);
        }
        verdicts.forEach(v -> report.target(v.target(), v.achieved(), v.met()));
        report.note("missing = accepted requests whose consultation-scheduled did not arrive within --settle "
                + settle.toSeconds() + "s (e.g. wait-listed for lack of capacity)");
        return report;
    }

    private static void waitFor(Tracker tracker, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        while (tracker.waiting() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static OpenLoad.Call call(Platform platform, List<String> sites, Tracker tracker) {
        String token = platform.token();
        return i -> {
            CompletableFuture<HttpResponse<String>> sent =
                    Requests.submit(platform, token, sites.get((int) (i % sites.size())), i);
            return sent.thenApply(response -> {
                long now = System.nanoTime();
                if (response.statusCode() != 201) {
                    return false;
                }
                JsonNode body = Platform.JSON.readTree(response.body());
                tracker.accepted(body.path("patientId").asString(), now);
                return true;
            });
        };
    }

    /**
     * Pairs each accepted request with its consultation-scheduled event by patient id. The event can
     * overtake intake's 201 on its way to this client; it then counts as no wait.
     */
    static final class Tracker {
        private final long window;
        private long start = System.nanoTime();
        private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        /** Latencies by the window (of the step) in which the request was accepted, to show when a tail arose. */
        private final NavigableMap<Long, Latencies> windows = new ConcurrentSkipListMap<>();

        private final Map<String, Long> early = new ConcurrentHashMap<>();
        private final Latencies latencies = new Latencies();
        private final AtomicLong scheduled = new AtomicLong();

        Tracker(Duration window) {
            this.window = window.toNanos();
        }

        private void record(long accepted, long latency) {
            latencies.recordNanos(latency);
            windows.computeIfAbsent(Math.max(0, accepted - start) / window, w -> new Latencies())
                    .recordNanos(latency);
            scheduled.incrementAndGet();
        }

        synchronized void accepted(String patientId, long at) {
            if (early.remove(patientId) != null) {
                record(at, 0);
            } else {
                acceptedAt.putIfAbsent(patientId, at);
            }
        }

        synchronized void scheduled(String patientId, long at) {
            Long accepted = acceptedAt.remove(patientId);
            if (accepted != null) {
                record(accepted, at - accepted);
            } else if (early.size() < 100_000) {
                early.put(patientId, at);
            }
        }

        int waiting() {
            return acceptedAt.size();
        }

        synchronized void reset() {
            acceptedAt.clear();
            early.clear();
            latencies.reset();
            windows.clear();
            start = System.nanoTime();
            scheduled.set(0);
        }
    }

    private static void consume(Platform platform, Tracker tracker, AtomicBoolean running) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-e2e-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor("clinic.consultation-scheduled").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    if (record.key() != null) {
                        tracker.scheduled(record.key(), now);
                    }
                }
            }
        }
    }
}
