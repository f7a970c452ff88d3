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
            topics.add(builder.build());
            topics.add(TopicBuilder.name(deadLetterTopicOf(type.topic()))
                    .partitions(partitions)
                    .replicas(replicationFactor)
                    .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs)
                    .build());
        }
        return topics;
    }
}
