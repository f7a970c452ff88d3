package org.clinicops.platform.deadletters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.EventType;
import org.clinicops.platform.kafka.ClinicTopics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Replays pending dead letters into this service's own listeners: each stored record (original
 * topic, partition, offset, key, {@code ce_*} headers and body, as it first arrived) is handed to
 * every listener of this service's consumer group on the original topic, on the caller's thread,
 * as if its container had delivered it again. The listeners' inbox skips what was applied before.
 *
 * <p>Why not republish to the original topic: only the owner of a topic may write on it (Kafka
 * ACLs in deploy, the {@code ce_source} check in every consumer), and every other consuming
 * service would see the record again. Calling the listener gives each dead letter its outcome at
 * once: one that applies is marked {@code REPLAYED} and leaves the pending count; one that fails
 * again stays {@code PENDING} with the exception class of the failure, never its message.
 *
 * <p>A replay takes at most {@value #MAX_PER_REPLAY} dead letters; the answer says how many of the
 * selection remain.
 */
class DeadLetterReplay {

    static final int MAX_PER_REPLAY = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final DeadLetterStore store;
    private final DeadLetterMetrics metrics;
    private final ListenerContainerRegistry listeners;
    private final Clock clock;

    DeadLetterReplay(
            DeadLetterStore store, DeadLetterMetrics metrics, ListenerContainerRegistry listeners, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** The consumer groups of this service's listeners: whose dead letters it keeps. */
    Set<String> consumerGroups() {
        Set<String> groups = new HashSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }

    /**
     * The contract topics this service's own listeners consume: the only dead-letter topics its
     * records can reach, and the only ones its Kafka credentials may read.
     */
    Set<String> consumedTopics() {
        Set<String> consumed = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            var properties = container.getContainerProperties();
            for (EventType type : EventType.values()) {
                if (listensTo(properties.getTopics(), properties.getTopicPattern(), type.topic())) {
                    consumed.add(type.topic());
                }
            }
        }
        return consumed;
    }

    ReplayResult handle(ReplaySelection selection) {
        List<String> replayed = new ArrayList<>();
        List<ReplayResult.Failure> failed = new ArrayList<>();
        try {
            for (DeadLetterStore.Stored stored : store.pending(selection, MAX_PER_REPLAY)) {
                String failure = replay(stored);
                if (failure == null) {
                    store.markReplayed(stored.letter().id(), clock.instant());
                    replayed.add(stored.letter().id());
                } else {
                    store.markFailed(stored.letter().id(), failure);
                    failed.add(new ReplayResult.Failure(stored.letter().id(), failure));
                }
            }
        } finally {
            metrics.refresh();
        }
        LOG.info("replayed {} dead letters, {} failed again", replayed.size(), failed.size());
        return new ReplayResult(replayed, failed, store.countPending(selection) - failed.size());
    }

    /** Hands the record to each listener of its group and topic; the failure's class, or null. */
    private String replay(DeadLetterStore.Stored stored) {
        ConsumerRecord<String, byte[]> record = stored.original();
        List<GenericMessageListener<ConsumerRecord<String, byte[]>>> targets =
                listenersOf(record.topic(), stored.letter().consumerGroup());
        if (targets.isEmpty()) {
            return "no listener of " + stored.letter().consumerGroup() + " on " + record.topic();
        }
        for (GenericMessageListener<ConsumerRecord<String, byte[]>> listener : targets) {
            try {
                listener.onMessage(record, null, null);
            } catch (RuntimeException e) {
                Throwable cause =
                        e instanceof ListenerExecutionFailedException && e.getCause() != null ? e.getCause() : e;
                return cause.getClass().getName();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<GenericMessageListener<ConsumerRecord<String, byte[]>>> listenersOf(String topic, String group) {
        List<GenericMessageListener<ConsumerRecord<String, byte[]>>> found = new ArrayList<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            var properties = container.getContainerProperties();
            if (!group.equals(container.getGroupId())
                    || !listensTo(properties.getTopics(), properties.getTopicPattern(), topic)) {
                continue;
            }
            if (properties.getMessageListener() instanceof GenericMessageListener<?> listener) {
                found.add((GenericMessageListener<ConsumerRecord<String, byte[]>>) listener);
            }
        }
        return found;
    }

    private static boolean listensTo(String @Nullable [] topics, @Nullable Pattern pattern, String topic) {
        if (topic.endsWith(ClinicTopics.DLT_SUFFIX)) {
            return false;
        }
        if (topics != null && List.of(topics).contains(topic)) {
            return true;
        }
        return pattern != null && pattern.matcher(topic).matches();
    }
}
