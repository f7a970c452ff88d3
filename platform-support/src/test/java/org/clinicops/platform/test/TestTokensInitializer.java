package org.clinicops.platform.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Makes a service under test trust {@link TestTokens} instead of the authorization server: its
 * {@link JwtDecoder} replaces the one Boot would build from the issuer's key set.
 */
public class TestTokensInitializer implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("testTokensJwtDecoder", JwtDecoder.class, TestTokens::decoder);
    }
}
