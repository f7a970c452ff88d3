package org.clinicops.platform.deadletters;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The consumer of this service's dead-letter topics, created when the context starts, once every
 * {@code @KafkaListener} is registered: it subscribes to the dead-letter topics of the topics those
 * listeners consume and to no other, because no other holds this service's dead letters and, with
 * Kafka ACLs, no other may be read with its credentials. A service that consumes nothing reads no
 * dead-letter topic.
 */
final class DeadLetterIndexContainer implements SmartLifecycle {

    private final Function<List<String>, MessageListenerContainer> factory;
    private final Supplier<Set<String>> consumedTopics;
    private volatile @Nullable MessageListenerContainer container;

    DeadLetterIndexContainer(
            Function<List<String>, MessageListenerContainer> factory, Supplier<Set<String>> consumedTopics) {
        this.factory = factory;
        this.consumedTopics = consumedTopics;
    }

    /** The topics whose dead letters are read, empty before the start or when nothing is consumed. */
    List<String> topics() {
        MessageListenerContainer running = container;
        if (running == null || running.getContainerProperties().getTopics() == null) {
            return List.of();
        }
        return List.of(running.getContainerProperties().getTopics());
    }

    @Override
    public synchronized void start() {
        if (container != null) {
            return;
        }
        List<String> topics = List.copyOf(consumedTopics.get());
        if (topics.isEmpty()) {
            return;
        }
        MessageListenerContainer created = factory.apply(topics);
        created.start();
        container = created;
    }

    @Override
    public synchronized void stop() {
        MessageListenerContainer running = container;
        if (running != null) {
            running.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        MessageListenerContainer running = container;
        return running != null && running.isRunning();
    }

    /** Starts with the listener containers and stops with them. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }
}
