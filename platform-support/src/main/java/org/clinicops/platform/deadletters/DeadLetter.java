package org.clinicops.platform.deadletters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What ADMIN sees of a dead letter: where it is, where it came from, who failed on it and with which
 * exception class. Never the payload, the key or an exception message.
 *
 * @param id {@code <dlt topic>-<partition>-<offset>}
 * @param deadLetteredAt when the record was written to the dead-letter topic
 * @param firstSeen when this service first indexed it
 * @param status {@code PENDING} until a replay applies it, then {@code REPLAYED}
 * @param lastReplayFailure the exception class of the last replay that failed, if any
 */
public record DeadLetter(
        String id,
        String topic,
        int partition,
        long offset,
        String originalTopic,
        int originalPartition,
        long originalOffset,
        String consumerGroup,
        String exceptionClass,
        @Nullable Instant deadLetteredAt,
        Instant firstSeen,
        Status status,
        @Nullable Instant replayedAt,
        int replayAttempts,
        @Nullable String lastReplayFailure) {

    /** Whether a dead letter still waits for a replay. */
    public enum Status {
        PENDING,
        REPLAYED
    }

    static String idOf(String topic, int partition, long offset) {
        return topic + "-" + partition + "-" + offset;
    }
}
