package org.clinicops.platform.kafka;

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

    public static List<NewTopic> all(int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            TopicBuilder builder =
                    TopicBuilder.name(type.topic()).partitions(partitions).replicas(replicationFactor);
            if (type.compacted()) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
            topics.add(TopicBuilder.name(deadLetterTopicOf(type.topic()))
                    .partitions(partitions)
                    .replicas(replicationFactor)
                    .build());
        }
        return topics;
    }
}
