package org.clinicops.platform.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import org.clinicops.platform.kafka.ClinicTopics;
import org.clinicops.platform.kafka.InfrastructureFailures;
import org.clinicops.platform.kafka.ListenerPauses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead letters in every service ({@code clinic.dead-letters.enabled=false} turns them off): the
 * index of this service's dead letters, its gauge, the replay and ADMIN's endpoints.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "clinic.dead-letters.enabled", matchIfMissing = true)
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterConfiguration.class);
    private static final Duration RECOUNT = Duration.ofMinutes(1);

    @Bean
    DeadLetterStore deadLetterStore(MongoTemplate mongo) {
        return new DeadLetterStore(mongo);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetterStore store, MeterRegistry meters) {
        return new DeadLetterMetrics(store, meters);
    }

    /** Recounts the pending dead letters every minute (also after each change). */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler deadLetterRecount(DeadLetterStore store, DeadLetterMetrics metrics) {
        // a scheduler of its own, not exposed as a TaskScheduler to @Scheduled: see ListenerPauses
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("dead-letter-recount-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        store.createIndexes();
                    } catch (RuntimeException e) {
                        LOG.debug("dead-letter indexes not created yet", e);
                    }
                    metrics.refresh();
                },
                RECOUNT);
        return scheduler;
    }

    @Bean
    DeadLetterReplay deadLetterReplay(
            DeadLetterStore store, DeadLetterMetrics metrics, ListenerContainerRegistry listeners, Clock clock) {
        return new DeadLetterReplay(store, metrics, listeners, clock);
    }

    /**
     * Reads the dead-letter topics of the topics this service consumes, in the group {@code
     * <service>.dead-letters}. A record it cannot index because MongoDB is away is retried until
     * MongoDB is back.
     */
    @Bean
    DeadLetterIndexContainer deadLetterIndexContainer(
            ConsumerFactory<?, ?> consumers,
            DeadLetterStore store,
            DeadLetterMetrics metrics,
            DeadLetterReplay replay,
            ListenerPauses pauses,
            Clock clock,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String group) {
        return new DeadLetterIndexContainer(
                topics -> {
                    ContainerProperties properties = new ContainerProperties(
                            topics.stream().map(ClinicTopics::deadLetterTopicOf).toArray(String[]::new));
                    properties.setGroupId(group + ".dead-letters");
                    properties.setMessageListener(new DeadLetterIndex(
                            store,
                            metrics,
                            () -> {
                                var groups = new HashSet<>(replay.consumerGroups());
                                groups.add(group);
                                return groups;
                            },
                            clock));
                    @SuppressWarnings("unchecked")
                    var container = new KafkaMessageListenerContainer<>(
                            (ConsumerFactory<String, byte[]>) consumers, properties);
                    container.setBeanName("deadLetterIndex");
                    ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
                    backOff.setMaxInterval(30_000);
                    DefaultErrorHandler errors = new DefaultErrorHandler(
                            (record, e) -> LOG.error(
                                    "dead letter {}-{}@{} not indexed: {}",
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    e.getClass().getName()),
                            new FixedBackOff(1000, 3),
                            pauses.backOffHandler());
                    errors.setBackOffFunction((record, e) -> InfrastructureFailures.isOutage(e) ? backOff : null);
                    container.setCommonErrorHandler(errors);
                    return container;
                },
                replay::consumedTopics);
    }
}
