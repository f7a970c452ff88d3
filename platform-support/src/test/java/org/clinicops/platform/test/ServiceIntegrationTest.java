package org.clinicops.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against an embedded Kafka broker (KRaft) and a fresh database on
 * the in-memory mongo-java-server, trusting {@link TestTokens}. Test classes with the same
 * annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "clinic.kafka.partitions=1",
            "clinic.kafka.retry-initial-interval=50ms",
            "clinic.kafka.retry-max-elapsed=300ms",
            "clinic.outbox.sweep-interval=500ms"
        })
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = {InMemoryMongoInitializer.class, TestTokensInitializer.class})
public @interface ServiceIntegrationTest {}
