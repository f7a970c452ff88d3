package org.clinicops.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real MongoDB (a replica set) and Apache Kafka images the deployment runs, started once per
 * test JVM when a {@link RealInfrastructureTest} context first needs them, and stopped with it;
 * the service's database is named after the application.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String MONGO_IMAGE = "mongo:8.0.12";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        String name = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + mongo.getReplicaSetUrl(name.replace("-service", "")),
                        "spring.kafka.bootstrap-servers=" + kafka.getBootstrapServers())
                .applyTo(context);
    }

    /** The broker's bootstrap servers, for a test's own consumers and producers. */
    public static synchronized String kafkaBootstrapServers() {
        start();
        return kafka.getBootstrapServers();
    }

    private static synchronized void start() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGO_IMAGE);
            kafka = new KafkaContainer(KAFKA_IMAGE);
            mongo.start();
            kafka.start();
        }
    }
}
