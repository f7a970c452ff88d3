package org.clinicops.platform.deadletters;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads every dead-letter topic in a consumer group of its own and keeps the records that this
 * service's consumer group sent there (the {@code kafka_dlt-original-consumer-group} header): a
 * dead-letter topic is shared by every service consuming the original topic, and each service lists
 * and replays only its own. A MongoDB failure is retried (the container's error handler waits out
 * the outage), so no dead letter is skipped.
 */
class DeadLetterIndex implements MessageListener<String, byte[]> {

    private final DeadLetterStore store;
    private final DeadLetterMetrics metrics;
    private final Supplier<Set<String>> consumerGroups;
    private final Clock clock;

    DeadLetterIndex(
            DeadLetterStore store, DeadLetterMetrics metrics, Supplier<Set<String>> consumerGroups, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.consumerGroups = consumerGroups;
        this.clock = clock;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        String group = DeadLetterStore.text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        if (group == null || !consumerGroups.get().contains(group)) {
            return;
        }
        store.record(record, group, clock.instant());
        metrics.refresh();
    }
}
