package org.clinicops.auth.users;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code clinic.auth.users[...]} and {@code clinic.auth.demo-password}: the demo users and the one
 * password they share (from the environment, never from the repository).
 */
@ConfigurationProperties("clinic.auth")
record DemoUserProperties(
        @Nullable List<DemoUser> users, @Nullable String demoPassword) {}
