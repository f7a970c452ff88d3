package org.clinicops.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A whole service on a random port against real MongoDB and Apache Kafka images ({@link
 * RealInfrastructure}), trusting {@link TestTokens}; skipped where Docker is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinic.kafka.partitions=1"})
@ContextConfiguration(initializers = {RealInfrastructure.class, TestTokensInitializer.class})
public @interface RealInfrastructureTest {}
