package org.clinicops.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

class DeadLetterIndexContainerTest {

    @Test
    void readsOnlyTheDeadLetterTopicsOfTheTopicsItsListenersConsume() {
        DeadLetterReplay replay = replayWith(
                listening(new ContainerProperties("clinic.consultation-requested")),
                listening(new ContainerProperties(Pattern.compile("clinic\\.session-(completed|stopped)"))));

        assertThat(replay.consumedTopics())
                .containsExactly("clinic.consultation-requested", "clinic.session-completed", "clinic.session-stopped");

        List<List<String>> subscribed = new ArrayList<>();
        DeadLetterIndexContainer index = new DeadLetterIndexContainer(
                topics -> {
                    subscribed.add(topics);
                    return listening(new ContainerProperties(
                            topics.stream().map(topic -> topic + ".dlt").toArray(String[]::new)));
                },
                replay::consumedTopics);
        index.start();

        assertThat(subscribed)
                .containsExactly(
                        List.of("clinic.consultation-requested", "clinic.session-completed", "clinic.session-stopped"));
        assertThat(index.topics())
                .containsExactly(
                        "clinic.consultation-requested.dlt",
                        "clinic.session-completed.dlt",
                        "clinic.session-stopped.dlt");
    }

    @Test
    void aServiceThatConsumesNothingReadsNoDeadLetterTopic() {
        DeadLetterReplay replay = replayWith();
        List<List<String>> subscribed = new ArrayList<>();
        DeadLetterIndexContainer index = new DeadLetterIndexContainer(
                topics -> {
                    subscribed.add(topics);
                    return listening(new ContainerProperties("unused"));
                },
                replay::consumedTopics);

        index.start();

        assertThat(subscribed).isEmpty();
        assertThat(index.topics()).isEmpty();
        assertThat(index.isRunning()).isFalse();
    }

    private static DeadLetterReplay replayWith(MessageListenerContainer... containers) {
        ListenerContainerRegistry registry = mock(ListenerContainerRegistry.class);
        when(registry.getListenerContainers()).thenReturn(List.of(containers));
        return new DeadLetterReplay(
                mock(DeadLetterStore.class),
                mock(DeadLetterMetrics.class),
                registry,
                Clock.fixed(java.time.Instant.parse("2027-03-14T06:45:00Z"), java.time.ZoneOffset.UTC));
    }

    private static MessageListenerContainer listening(ContainerProperties properties) {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.getContainerProperties()).thenReturn(properties);
        return container;
    }
}
