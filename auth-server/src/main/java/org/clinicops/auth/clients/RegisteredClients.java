package org.clinicops.auth.clients;

import java.util.List;
import java.util.UUID;
import org.clinicops.auth.MissingSecretException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The three clients:
 *
 * <ul>
 *   <li>{@value #CLI}: public, authorization code with PKCE (S256), for {@code ./clinic token} and
 *       scripts;
 *   <li>{@value #WEB}: confidential, authorization code and refresh tokens, for the services' pages;
 *   <li>{@value #DEMO}: confidential, client credentials, acting as {@code demo-simulator} with ADMIN
 *       at every site.
 * </ul>
 *
 * None asks for consent: they are all first-party.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class RegisteredClients {

    static final String CLI = "clinic-cli";
    static final String WEB = "clinic-web";
    static final String DEMO = "clinic-demo";

    @Bean
    RegisteredClientRepository registeredClientRepository(ClientProperties properties, PasswordEncoder encoder) {
        String webSecret =
                required(properties.webClientSecret(), "clinic.auth.web-client-secret", "CLINIC_WEB_CLIENT_SECRET");
        String demoSecret =
                required(properties.demoClientSecret(), "clinic.auth.demo-client-secret", "CLINIC_DEMO_CLIENT_SECRET");
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build();

        RegisteredClient cli = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(CLI.getBytes()).toString())
                .clientId(CLI)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.cliRedirectUri())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();

        RegisteredClient web = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(WEB.getBytes()).toString())
                .clientId(WEB)
                .clientSecret(encoder.encode(webSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.webRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                // Spring Security's OAuth2 client (the services' oauth2Login) sends PKCE for a
                // confidential client only when its registration asks for it, so requiring it here
                // would break the default setup; the code exchange is authenticated by the secret.
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(false)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();

        RegisteredClient demo = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(DEMO.getBytes()).toString())
                .clientId(DEMO)
                .clientSecret(encoder.encode(demoSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .setting(
                                ServiceAccount.SETTING,
                                new ServiceAccount("demo-simulator", List.of("ADMIN"), List.of("*")))
                        .build())
                .tokenSettings(tokens)
                .build();

        return new InMemoryRegisteredClientRepository(cli, web, demo);
    }

    private static String required(@Nullable String secret, String property, String environmentVariable) {
        if (secret == null || secret.isBlank()) {
            throw new MissingSecretException(property, environmentVariable);
        }
        return secret;
    }
}
