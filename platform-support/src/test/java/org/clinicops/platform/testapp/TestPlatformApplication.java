package org.clinicops.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service used to test the platform conventions. */
@SpringBootApplication
public class TestPlatformApplication {}
