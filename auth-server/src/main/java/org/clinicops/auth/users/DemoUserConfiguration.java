package org.clinicops.auth.users;

import java.util.List;
import org.clinicops.auth.MissingSecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Signs the demo users in with the shared demo password, kept only as a BCrypt hash in memory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoUserProperties.class)
class DemoUserConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoUserConfiguration.class);

    @Bean
    DemoUsers demoUsers(DemoUserProperties properties) {
        List<DemoUser> users = properties.users() == null ? List.of() : properties.users();
        if (users.isEmpty()) {
            throw new IllegalStateException("no demo users are configured (clinic.auth.users)");
        }
        return new DemoUsers(users);
    }

    @Bean
    InMemoryUserDetailsManager userDetailsService(
            DemoUsers users, DemoUserProperties properties, PasswordEncoder passwordEncoder) {
        String password = properties.demoPassword();
        if (password == null || password.isBlank()) {
            throw new MissingSecretException("clinic.auth.demo-password", "CLINIC_DEMO_PASSWORD");
        }
        // one hash for all: they share the password, and each BCrypt round costs startup time
        String hash = passwordEncoder.encode(password);
        List<UserDetails> details = users.all().stream()
                .map(user -> User.withUsername(user.username())
                        .password(hash)
                        .roles(user.roleNames().toArray(String[]::new))
                        .build())
                .toList();
        log.info(
                "Demo users: {}",
                users.all().stream()
                        .map(user -> user.username() + " " + user.roles() + " " + user.sites())
                        .toList());
        return new InMemoryUserDetailsManager(details);
    }
}
