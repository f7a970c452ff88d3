package org.clinicops.auth.signing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Signs tokens with the key from {@code clinic.auth.key-file}; the JWK set endpoint publishes its public half. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${clinic.auth.key-file}") Path keyFile) {
        SigningKeyFile.Loaded loaded = new SigningKeyFile(keyFile).loadOrCreate();
        if (loaded.created()) {
            log.info("Created a new signing key (kid {}) in {}", loaded.key().getKeyID(), keyFile);
        } else {
            log.info("Signing with the key (kid {}) from {}", loaded.key().getKeyID(), keyFile);
        }
        return new ImmutableJWKSet<>(new JWKSet(loaded.key()));
    }

    /**
     * Verifies this server's own access tokens where it takes them as bearer tokens (the OIDC user
     * info endpoint). They are {@code typ: at+jwt}, which the default decoder refuses as not a JWT.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), JOSEObjectType.JWT, null)))
                .build();
        JwtTypeValidator types = new JwtTypeValidator("at+jwt", "JWT");
        types.setAllowEmpty(true);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(types));
        return decoder;
    }
}
