package org.clinicops.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.clinicops.events.EventType;
import org.springframework.kafka.config.TopicBuilder;

/** The topics of contract v1 and their dead-letter topics. */
public final class ClinicTopics {

    /** Suffix of a topic's dead-letter topic. */
    public static final String DLT_SUFFIX = ".dlt";

    private ClinicTopics() {}

    public static String deadLetterTopicOf(String topic) {
        return topic + DLT_SUFFIX;
    }

    /**
     * Every clinic topic and its dead-letter topic; records are kept for {@code retention} (a
     * compacted topic keeps the latest record per key for ever).
     */
    public static List<NewTopic> all(int partitions, short replicationFactor, Duration retention) {
        return all(partitions, replicationFactor, 0, retention);
    }

    /**
     * As {@link #all(int, short, Duration)}, each topic with {@code min.insync.replicas} set to
     * {@code minInsyncReplicas} (0: left to the broker's default).
     */
    public static List<NewTopic> all(
            int partitions, short replicationFactor, int minInsyncReplicas, Duration retention) {
        if (minInsyncReplicas < 0 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("clinic.kafka.min-insync-replicas must be between 0 and the replication"
                    + " factor " + replicationFactor + ", not " + minInsyncReplicas);
        }
        String retentionMs = Long.toString(retention.toMillis());
        List<NewTopic> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            TopicBuilder builder =
                    TopicBuilder.name(type.topic()).partitions(partitions).replicas(replicationFactor);
            if (type.compacted()) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            } else {
                builder.config(TopicConfig.RETENTION_MS_CONFIG, retentionMs);
            }
            TopicBuilder deadLetters = TopicBuilder.name(deadLetterTopicOf(type.topic()))
                    .partitions(partitions)
                    .replicas(replicationFactor)
                    .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs);
            if (minInsyncReplicas > 0) {
                String minInsync = Integer.toString(minInsyncReplicas);
                builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync);
                deadLetters.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync);
            }
            topics.add(builder.build());
            topics.add(deadLetters.build());
        }
        return topics;
    }
}
