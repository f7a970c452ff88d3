package org.clinicops.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform settings shared by every service ({@code clinic.*}).
 *
 * @param kafka topic layout and consumer retries
 * @param outbox relay timing
 * @param inbox how long applied events are remembered
 */
@ConfigurationProperties("clinic")
public record ClinicPlatformProperties(
        @DefaultValue Kafka kafka,
        @DefaultValue Outbox outbox,
        @DefaultValue Inbox inbox) {

    /**
     * @param partitions partitions of each clinic topic created at start-up
     * @param replicationFactor replication factor of those topics
     * @param minInsyncReplicas {@code min.insync.replicas} of those topics and their dead-letter
     *     topics: how many replicas must have an acks=all write before it is acknowledged (0: the
     *     broker's default). With replication factor 3, 2 keeps writes going with one broker down
     *     and never acknowledges a write only one broker holds
     * @param retryInitialInterval first wait before a failed record is retried
     * @param retryMaxElapsed how long a failing record is retried before it goes to the DLT
     * @param outageRetryInitialInterval first wait before a record that failed because MongoDB or
     *     Kafka did is retried (it is retried until the outage ends, never dead-lettered)
     * @param outageRetryMaxInterval longest wait between two attempts during an outage
     * @param topicRetention how long the clinic topics and their dead-letter topics keep records
     *     (compacted topics keep the latest record per key for ever); monitoring rebuilds its
     *     indicators from them, so this bounds how far back a rebuild sees
     */
    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("0") int minInsyncReplicas,
            @DefaultValue("200ms") Duration retryInitialInterval,
            @DefaultValue("5s") Duration retryMaxElapsed,
            @DefaultValue("1s") Duration outageRetryInitialInterval,
            @DefaultValue("30s") Duration outageRetryMaxInterval,
            @DefaultValue("365d") Duration topicRetention) {}

    /**
     * @param sweepInterval how often every outbox is scanned for events a crash left behind (a scan
     *     reads whole collections; saves reach the relay directly, so this is only a safety net)
     * @param sendTimeout how long the relay waits for the broker to acknowledge an event
     * @param batchSize documents read per sweep query, published per pass, and removed per write at
     *     most
     * @param removalDelay how long published events may stay in their documents before their removal
     *     is written: the removals of every document published within it share one bulk write (one
     *     command for a group instead of one per document); a save or a sweep that meets such an event
     *     does not send it again
     */
    public record Outbox(
            @DefaultValue("60s") Duration sweepInterval,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("200") int batchSize,
            @DefaultValue("500ms") Duration removalDelay) {}

    /**
     * @param retention how long {@code processed_events} remembers an applied event; must be longer
     *     than {@code clinic.kafka.topic-retention}
     * @param sweepInterval how often entries older than the retention are deleted (where the store
     *     has no TTL expiry)
     */
    public record Inbox(
            @DefaultValue("400d") Duration retention,
            @DefaultValue("1h") Duration sweepInterval) {}
}
