package org.clinicops.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A service's addition to the API filter chain, e.g. a rate limit that must know whether the caller
 * signed in: add it after {@code BearerTokenAuthenticationFilter}.
 */
@FunctionalInterface
public interface ApiSecurityCustomizer {
    void customize(HttpSecurity api) throws Exception;
}
