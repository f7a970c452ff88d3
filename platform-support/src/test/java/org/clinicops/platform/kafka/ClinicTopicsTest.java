package org.clinicops.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.clinicops.events.EventType;
import org.junit.jupiter.api.Test;

class ClinicTopicsTest {

    @Test
    void leavesMinInsyncReplicasToTheBrokerByDefault() {
        List<NewTopic> topics = ClinicTopics.all(3, (short) 1, Duration.ofDays(365));

        assertThat(topics).hasSize(2 * EventType.values().length);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
            assertThat(topic.configs()).doesNotContainKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        });
    }

    @Test
    void asksTwoInSyncReplicasOfEveryClinicAndDeadLetterTopicWhenReplicatedThreeTimes() {
        List<NewTopic> topics = ClinicTopics.all(3, (short) 3, 2, Duration.ofDays(365));

        assertThat(topics)
                .extracting(NewTopic::name)
                .contains(
                        EventType.CONSULTATION_REQUESTED.topic(),
                        ClinicTopics.deadLetterTopicOf(EventType.CONSULTATION_REQUESTED.topic()));
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        });
    }

    @Test
    void refusesMoreInSyncReplicasThanReplicas() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClinicTopics.all(3, (short) 1, 2, Duration.ofDays(1)))
                .withMessageContaining("min-insync-replicas");
    }
}
