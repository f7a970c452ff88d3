package org.clinicops.bench.backlog;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.clinicops.bench.OpenLoad;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;
import org.clinicops.bench.Series;
import org.clinicops.bench.cost.PlatformProcesses;
import org.clinicops.bench.intake.BenchSites;
import org.clinicops.bench.intake.Requests;
import org.clinicops.events.EventType;

/**
 * {@code full-site-drain}: a backlog of consultation requests for sites with no free physician time,
 * and how fast scheduling works it off.
 *
 * <p>The sites each have one physician of their own and are open one hour a week, so the first few
 * requests take the horizon's few consultation times and every later one goes to the waiting list.
 * After those have been consumed, scheduling is paused ({@code SIGSTOP}: it is down, as far as
 * Kafka can tell) while requests arrive through intake at a constant rate; once all of them are on
 * {@code clinic.consultation-requested}, scheduling is resumed and its consumer group's lag on that
 * topic is read every half second until it is zero. The drain rate counts from the first record
 * consumed after the resume (the consumer rejoins its group first); the longest time without
 * progress shows whether a batch comes anywhere near {@code max.poll.interval.ms}.
 */
public final class FullSiteDrain implements Scenario {

    static final double DRAIN_TARGET_PER_SECOND = 200;
    static final String SCHEDULING = "scheduling-service";

    @Override
    public String name() {
        return "full-site-drain";
    }

    @Override
    public String description() {
        return "a backlog for full sites: scheduling paused while --requests 6000 arrive at --rate 150"
                + " (--sites 4, --fill 20 per site first), then resumed: records/s consumed, scheduling CPU"
                + " per record, longest stall (--give-up 600s)";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        int siteCount = options.integer("sites", 4);
        int fill = options.integer("fill", 20);
        int requests = options.integer("requests", 6000);
        int rate = options.integer("rate", 150);
        Duration giveUp = options.duration("give-up", Duration.ofSeconds(600));
        PlatformProcesses processes = PlatformProcesses.requireRunning(
                platform.root(),
                List.of(SCHEDULING),
                "full-site-drain pauses the scheduling service ./clinic up -d started from this directory");
        long pid = processes.pids().get(SCHEDULING);
        Report report = new Report(name());
        List<String> sites = BenchSites.create(
                platform,
                "bench-full",
                siteCount,
                new BenchSites.Shape("UTC", 4, 1, 1, true, List.of()),
                List.of("MONDAY"),
                "00:00",
                "01:00");
        String token = platform.token();
        OpenLoad.Call call = i -> Requests.submit(platform, token, sites.get((int) (i % sites.size())), i)
                .thenApply(response -> response.statusCode() == 201);
        OpenLoad load = new OpenLoad(2000);
        try (TopicLag topic = new TopicLag(platform, EventType.CONSULTATION_REQUESTED.topic(), SCHEDULING)) {
            // the sites fill: their few consultation times are taken, later requests wait
            OpenLoad.Step filled =
                    load.run(20, Duration.ofMillis(1000L * siteCount * fill / 20), Duration.ofSeconds(30), call);
            String caughtUp = awaitCaughtUp(topic, Duration.ofSeconds(180));
            if (caughtUp != null) {
                throw new IllegalStateException("scheduling did not consume the filling requests: " + caughtUp);
            }

            long endBefore = topic.endOffsets();
            OpenLoad.Step offered;
            signal(pid, "STOP");
            try {
                offered = load.run(rate, Duration.ofMillis(1000L * requests / rate), Duration.ofSeconds(60), call);
                long expected = endBefore + offered.succeeded();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (topic.endOffsets() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
            } finally {
                signal(pid, "CONT");
            }
            long resumed = System.nanoTime();
            double cpuBefore = processes.cpuSeconds().getOrDefault(SCHEDULING, 0.0);
            long backlog = topic.behind();
            long firstProgress = -1;
            long lastProgress = resumed;
            long longestStall = 0;
            long left = backlog;
            long giveUpAt = resumed + giveUp.toNanos();
            while (left > 0 && System.nanoTime() < giveUpAt) {
                Thread.sleep(500);
                long now = System.nanoTime();
                long lag = topic.behind();
                if (lag < left) {
                    if (firstProgress < 0) {
                        firstProgress = now;
                    } else {
                        longestStall = Math.max(longestStall, now - lastProgress);
                    }
                    lastProgress = now;
                    left = lag;
                }
            }
            long end = System.nanoTime();
            double cpu = processes.cpuSeconds().getOrDefault(SCHEDULING, 0.0) - cpuBefore;
            long waiting = waitingAt(platform, sites, backlog);
            long consumed = backlog - left;
            double drainSeconds = firstProgress < 0 ? 0 : (lastProgress - firstProgress) / 1e9;
            // the first look that saw progress already counts what was consumed since the resume
            double perSecond = firstProgress < 0 ? 0 : consumed / Math.max(0.5, (lastProgress - resumed) / 1e9);

            report.table(
                            "Backlog for full sites (scheduling paused while it built up)",
                            "sites",
                            "filled with",
                            "backlog",
                            "offered/s",
                            "intake p99 ms",
                            "rejoin s",
                            "drain s",
                            "records/s",
                            "left",
                            "waiting",
                            "CPU ms/record",
                            "longest stall s")
                    .row(
                            siteCount,
                            filled.succeeded(),
                            backlog,
                            rate,
                            Report.round(offered.p(99), 1),
                            firstProgress < 0 ? "-" : Report.round((firstProgress - resumed) / 1e9, 1),
                            Report.round(drainSeconds, 1),
                            Report.round(perSecond, 1),
                            left,
                            waiting,
                            consumed == 0 ? "-" : Report.round(1000 * cpu / consumed, 2),
                            Report.round(longestStall / 1e9, 1));
            report.figure("backlog", backlog)
                    .figure("consumed", consumed)
                    .figure("left", left)
                    .figure("waiting", waiting)
                    .figure("recordsPerSecond", Report.round(perSecond, 1))
                    .figure("rejoinSeconds", firstProgress < 0 ? -1 : Report.round((firstProgress - resumed) / 1e9, 1))
                    .figure("schedulingCpuMillisPerRecord", consumed == 0 ? -1 : Report.round(1000 * cpu / consumed, 2))
                    .figure("longestStallSeconds", Report.round(longestStall / 1e9, 1))
                    .figure("totalSeconds", Report.round((end - resumed) / 1e9, 1));
            report.target(
                    "a backlog for full sites drains at >= " + (int) DRAIN_TARGET_PER_SECOND + " records/s",
                    Report.round(perSecond, 1) + " records/s (" + consumed + " of " + backlog + ")",
                    left == 0 && perSecond >= DRAIN_TARGET_PER_SECOND);
            report.note("records/s = records consumed / seconds from the resume to the last progress seen (looks every"
                    + " 0.5 s), the rejoin included; sites: one physician each, open Mondays 00:00-01:00 UTC");
            report.note(
                    "waiting = the sites' waiting entries (scheduling's clinic_scheduling_waiting_entries gauge, refreshed"
                            + " every 30 s; read until it counts the backlog, at most 60 s): the backlog went to the waiting list");
            report.note(
                    "longest stall = the longest time between two looks that saw the lag shrink (max.poll.interval.ms"
                            + " is 300 s)");
            return report;
        }
    }

    /**
     * The waiting entries of the sites, from scheduling's gauge, read until it counts at least {@code
     * expected} (it is refreshed every 30 s) or for 60 s; -1 if it cannot be read.
     */
    private static long waitingAt(Platform platform, List<String> sites, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long waiting = -1;
        while (waiting < expected && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> scrape = platform.getManagement(SCHEDULING, "/actuator/prometheus");
                if (scrape.statusCode() == 200) {
                    waiting = Math.round(
                            Series.parse(scrape.body(), "clinic_scheduling_waiting_entries"::equals).entrySet().stream()
                                    .filter(series -> sites.contains(Series.label(series.getKey(), "site")))
                                    .mapToDouble(Map.Entry::getValue)
                                    .sum());
                }
            } catch (IOException e) {
                // not answering yet: look again
            }
            if (waiting < expected) {
                Thread.sleep(2000);
            }
        }
        return waiting;
    }

    /** Sends the signal ({@code STOP}, {@code CONT}) to the process. */
    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    /** Waits until the group has consumed the whole topic; null when it did, else a line on the lag left. */
    private static String awaitCaughtUp(TopicLag topic, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        long lag = topic.behind();
        while (lag > 0) {
            if (System.nanoTime() > deadline) {
                return lag + " records behind after " + max.toSeconds() + " s";
            }
            Thread.sleep(500);
            lag = topic.behind();
        }
        return null;
    }

    /**
     * One consumer group's position on one topic, read through one admin client for the whole run
     * (the scenario looks twice a second while it measures): the topic's partitions are read once.
     */
    private static final class TopicLag implements AutoCloseable {

        private final Admin admin;
        private final String group;
        private final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();

        TopicLag(Platform platform, String topic, String group) throws InterruptedException, ExecutionException {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
            this.admin = Admin.create(props);
            this.group = group;
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }

        /** The sum of the end offsets of the topic's partitions. */
        long endOffsets() throws InterruptedException, ExecutionException {
            return ends().values().stream().mapToLong(Long::longValue).sum();
        }

        /** Records of the topic the group has not consumed (a partition it never committed counts from 0). */
        long behind() throws InterruptedException, ExecutionException {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long behind = 0;
            for (var entry : ends().entrySet()) {
                OffsetAndMetadata at = committed.get(entry.getKey());
                behind += Math.max(0, entry.getValue() - (at == null ? 0 : at.offset()));
            }
            return behind;
        }

        private Map<TopicPartition, Long> ends() throws InterruptedException, ExecutionException {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        }

        @Override
        public void close() {
            admin.close();
        }
    }
}
