package org.clinicops.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * A minimal service used to test the platform conventions. Its settings are not in an {@code
 * application.properties}: in a reactor build the services' tests see this module's test classes,
 * and would take its application name.
 */
@SpringBootApplication
@PropertySource("classpath:testapp/testapp.properties")
public class TestPlatformApplication {}
