package org.clinicops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Whether the platform has settled after a load: no outbox holds an event not yet published (by each
 * service's {@code outbox} ops view, and by its {@code clinic_outbox_pending} gauge) and every consumer group has
 * consumed every record of its partitions. Used by the crash test before its checks and by
 * scenarios that wait for the work a load caused to finish.
 */
public final class Settling {

    /**
     * How far the consumer groups are behind: records not consumed per group, and the sum of the end
     * offsets of their partitions (it moves whenever something is published to them).
     */
    public record Lag(Map<String, Long> behind, long endOffsets) {

        public long total() {
            return behind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Platform platform;
    private final ServiceReads reads;
    private final Predicate<String> groups;

    /**
     * @param groups the consumer groups whose lag counts (the crash test: every group; a benchmark:
     *     the services', see {@link #serviceGroups()})
     */
    public Settling(Platform platform, Predicate<String> groups) {
        this.platform = platform;
        this.reads = new ServiceReads(platform);
        this.groups = groups;
    }

    /** The services' consumer groups: each is named after its service ({@code spring.application.name}). */
    public static Predicate<String> serviceGroups() {
        return group -> Platform.SERVICES.stream().anyMatch(service -> group.equals(service));
    }

    /**
     * Waits until every outbox is empty (no stored document holds a pending event; each service's
     * {@code clinic_outbox_pending} gauge is 0), every consumer group has caught up with the end of
     * every partition, and all that stayed so for two looks in a row. Gives up when what is left
     * has not shrunk for {@code stall}, or after {@code max}; returns a line on what was left then,
     * null when settled.
     */
    public @Nullable String await(Duration stall, Duration max, PrintStream progress) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        long lastProgress = started;
        long lastPrinted = started;
        long best = Long.MAX_VALUE;
        String previous = "";
        String state = "";
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < stall.toNanos()) {
            long pending = pendingOutboxDocuments();
            long gauges = pendingOutboxGauges();
            Lag lag = consumerLag();
            long totalLag = lag.total();
            state = "outbox documents with pending events " + (pending < 0 ? "unreadable" : pending)
                    + ", clinic_outbox_pending "
                    + (gauges < 0 ? "unreadable" : gauges) + ", consumer lag " + totalLag + " " + lag.behind();
            boolean quiet = pending == 0 && gauges == 0 && totalLag == 0;
            if (quiet && state.equals(previous)) {
                return null;
            }
            previous = quiet ? state : "";
            long left = Math.max(pending, 0) + Math.max(gauges, 0) + totalLag;
            if (left < best) {
                best = left; // still catching up: a slow consumer is not a stuck one
                lastProgress = System.nanoTime();
            }
            if (System.nanoTime() - lastPrinted > Duration.ofSeconds(30).toNanos()) {
                progress.printf("  [%.0fs] %s%n", (System.nanoTime() - started) / 1e9, state);
                lastPrinted = System.nanoTime();
            }
            Thread.sleep(3000);
        }
        return state;
    }

    /**
     * Documents of every service with an event not yet published, as each service's {@code outbox}
     * ops view counts them; -1 if one cannot be read (its ops views off, or it is down). The service
     * scans its collections for it: costly, so not for a look taken while the store's work is
     * measured.
     */
    public long pendingOutboxDocuments() {
        long pending = 0;
        for (String service : Platform.SERVICES) {
            try {
                for (var row : reads.view(service, "outbox")) {
                    pending += row.path("documents").asLong();
                }
            } catch (IOException | IllegalStateException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return pending;
    }

    /** The sum of the services' {@code clinic_outbox_pending} gauges, -1 if one cannot be read. */
    public long pendingOutboxGauges() {
        long sum = 0;
        for (String service : Platform.SERVICES) {
            try {
                HttpResponse<String> scrape = platform.getManagement(service, "/actuator/prometheus");
                if (scrape.statusCode() != 200) {
                    return -1;
                }
                sum += Math.round(Series.parse(scrape.body(), "clinic_outbox_pending"::equals).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum());
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return sum;
    }

    /**
     * Per consumer group (of those this counts), how many records of its committed partitions it has
     * not consumed; a group that cannot be read counts as one record behind, under a name saying why.
     */
    public Lag consumerLag() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        Map<String, Long> lag = new TreeMap<>();
        long endOffsets = 0;
        try (Admin admin = Admin.create(props)) {
            Collection<GroupListing> listed = admin.listGroups(ListGroupsOptions.forConsumerGroups())
                    .all()
                    .get();
            for (GroupListing group : listed) {
                if (!groups.test(group.groupId())) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed =
                        new HashMap<>(admin.listConsumerGroupOffsets(group.groupId())
                                .partitionsToOffsetAndMetadata()
                                .get());
                committed.values().removeIf(Objects::isNull);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long behind = 0;
                for (var entry : committed.entrySet()) {
                    long end = ends.get(entry.getKey()).offset();
                    endOffsets += end;
                    behind += Math.max(0, end - entry.getValue().offset());
                }
                lag.put(group.groupId(), behind);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lag.put("(interrupted)", 1L);
        } catch (Exception e) {
            lag.put("(cannot read the consumer groups: " + e + ")", 1L);
        }
        return new Lag(lag, endOffsets);
    }
}
