package org.clinicops.auth.clients;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Client settings under {@code clinic.auth}. The secrets come from the environment
 * (CLINIC_WEB_CLIENT_SECRET, CLINIC_DEMO_CLIENT_SECRET), never from the repository.
 */
@ConfigurationProperties("clinic.auth")
record ClientProperties(
        @Nullable String webClientSecret,
        @Nullable String demoClientSecret,
        @DefaultValue("http://127.0.0.1:8765/callback") String cliRedirectUri,

        @DefaultValue({
            "http://localhost:8082/login/oauth2/code/clinic",
            "http://localhost:8083/login/oauth2/code/clinic",
            "http://localhost:8084/login/oauth2/code/clinic"
        })
        List<String> webRedirectUris,

        @DefaultValue("1h") Duration accessTokenTtl,
        @DefaultValue("8h") Duration refreshTokenTtl) {}
