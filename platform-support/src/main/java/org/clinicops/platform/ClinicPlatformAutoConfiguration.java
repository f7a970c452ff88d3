package org.clinicops.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.clinicops.clock.ClinicClock;
import org.clinicops.platform.deadletters.DeadLetterConfiguration;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.ids.RandomIdGenerator;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.inbox.InboxRetention;
import org.clinicops.platform.kafka.ClinicTopics;
import org.clinicops.platform.kafka.ConsumerErrorHandlingConfiguration;
import org.clinicops.platform.ops.KafkaHealthIndicator;
import org.clinicops.platform.ops.MongoPingHealthIndicator;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.outbox.OutboxConfiguration;
import org.clinicops.platform.outbox.OutboxRelay;
import org.clinicops.platform.web.ProblemDetailsAdvice;
import org.clinicops.platform.web.SortParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Wires the platform conventions into every service. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        })
@EnableConfigurationProperties(ClinicPlatformProperties.class)
@Import({
    ProblemDetailsAdvice.class,
    SortParameters.class,
    OutboxConfiguration.class,
    ConsumerErrorHandlingConfiguration.class,
    DeadLetterConfiguration.class
})
public class ClinicPlatformAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicPlatformAutoConfiguration.class);

    /**
     * The service's one clock ({@link ClinicClock#ofThisRun()}): the system clock, or the run clock
     * that {@code -Dclinic.clock.start} starts at another instant, which is said in a warning.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        ClinicClock.configuredStart()
                .ifPresent(start -> LOG.warn(
                        "{} is set: this service's clock started at {} and is not the real time."
                                + " That is for tests, benchmarks and demos only.",
                        ClinicClock.START_PROPERTY,
                        start));
        return ClinicClock.ofThisRun();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return new RandomIdGenerator();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            MongoMappingContext mappingContext,
            MeterRegistry meters,
            ClinicPlatformProperties properties,
            @Value("${spring.application.name}") String service) {
        Set<String> collections = mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .collect(Collectors.toSet());
        var outbox = properties.outbox();
        return new OutboxRelay(
                mongo,
                kafka,
                collections,
                service,
                meters,
                outbox.sweepInterval(),
                outbox.sendTimeout(),
                outbox.batchSize(),
                outbox.removalDelay());
    }

    @Bean
    @ConditionalOnMissingBean
    EventInbox eventInbox(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        return new EventInbox(mongo, meters, clock);
    }

    @Bean
    InboxRetention inboxRetention(MongoTemplate mongo, Clock clock, ClinicPlatformProperties properties) {
        return new InboxRetention(
                mongo, clock, properties.inbox().retention(), properties.kafka().topicRetention());
    }

    /** Creates the inbox's TTL index, then deletes expired entries every sweep interval. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler inboxSweep(InboxRetention retention, ClinicPlatformProperties properties) {
        // a scheduler of its own, not exposed as a TaskScheduler to @Scheduled: see ListenerPauses
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("inbox-sweep-");
        scheduler.initialize();
        AtomicBoolean indexed = new AtomicBoolean();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!indexed.get()) {
                            retention.createIndex();
                            indexed.set(true);
                        }
                        retention.sweep();
                    } catch (RuntimeException e) {
                        LOG.debug("inbox retention sweep not done (MongoDB unavailable?)", e);
                    }
                },
                properties.inbox().sweepInterval());
        return scheduler;
    }

    @Bean
    KafkaAdmin.NewTopics clinicTopics(ClinicPlatformProperties properties) {
        var kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(ClinicTopics.all(
                        kafka.partitions(),
                        kafka.replicationFactor(),
                        kafka.minInsyncReplicas(),
                        kafka.topicRetention())
                .toArray(NewTopic[]::new));
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties(), Duration.ofSeconds(3));
    }
}
