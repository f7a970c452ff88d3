package org.clinicops.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings shared by every service ({@code clinic.security.*}).
 *
 * @param maxRequestSize the largest request body accepted (413 beyond)
 * @param audit whether API calls and page requests are written to the audit trail
 * @param audience the {@code aud} an access token must name to be accepted; by default the
 *     service's {@code spring.application.name} (read by {@link AccessTokensOnly})
 * @param acceptKeycloakBearer whether a token with JOSE header {@code typ: JWT} and claim {@code
 *     typ: Bearer} (Keycloak's access tokens) counts as an access token; ID tokens never do
 */
@ConfigurationProperties("clinic.security")
public record ClinicSecurityProperties(
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue("true") boolean audit,
        @Nullable String audience,
        @DefaultValue("false") boolean acceptKeycloakBearer) {}
