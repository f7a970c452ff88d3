package org.clinicops.intake.requests.adapter.web;

import org.clinicops.platform.security.ApiSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Puts the public rate limit into the API's security filter chain, after token authentication. The
 * filter is deliberately not a bean of its own: Boot would also register it for every request.
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimitConfiguration {

    @Bean
    ApiSecurityCustomizer publicRateLimit(PublicRateLimitProperties properties) {
        PublicRateLimitFilter filter = new PublicRateLimitFilter(properties);
        return api -> api.addFilterAfter(filter, BearerTokenAuthenticationFilter.class);
    }
}
