package org.clinicops.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points {@code spring.mongodb.uri} at a fresh database on the in-memory mongo-java-server. */
public class InMemoryMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPropertyValues.of("spring.mongodb.uri=" + InMemoryMongo.freshDatabaseUri(name.replace('-', '_')))
                .applyTo(context);
    }
}
