package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.clinicops.demo.AccessTokens.TokenEndpoint.Answer;
import org.clinicops.demo.StandInProvider.Shape;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sign-in against stand-ins for both providers it meets: the local stack's Spring Authorization
 * Server (redirect to {@code /login}, a form with a CSRF field posting back there) and {@code
 * deploy/}'s Keycloak (the page at the authorization endpoint, a form posting to {@code
 * login-actions/authenticate?…&amp;…} with hidden fields, {@code Secure} cookies on a loopback
 * origin). The endpoints come from each one's discovery document; the code is exchanged only with
 * the verifier of the challenge the request carried.
 */
class UserSignInTest {

    private @Nullable StandInProvider provider;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void signsInWithPkceThroughTheSignInFormAndAnswersTheAccessToken(Shape shape) {
        StandInProvider provider = start(shape);

        Answer answer = UserSignIn.http(provider.issuer()).signIn(StandInProvider.USER, StandInProvider.PASSWORD);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"access_token\":\"token-of-clinician-bos\"");
        assertThat(provider.authorization)
                .containsEntry("client_id", UserSignIn.CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", UserSignIn.REDIRECT)
                .containsEntry("response_type", "code");
        assertThat(provider.authorization.get("state"))
                .as("the state gives nothing of the verifier away")
                .hasSizeGreaterThanOrEqualTo(32)
                .isNotEqualTo(provider.authorization.get("code_challenge"));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void aWrongPasswordIsARefusalThatDoesNotRepeatThePassword(Shape shape) {
        StandInProvider provider = start(shape);

        Answer answer = UserSignIn.http(provider.issuer()).signIn(StandInProvider.USER, "wrong-pw");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_grant").doesNotContain("wrong-pw");
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void anAuthorizationServerThatDoesNotAnswerIsStatusZero(Shape shape) {
        StandInProvider provider = start(shape);
        provider.close();

        assertThat(UserSignIn.http(provider.issuer())
                        .signIn(StandInProvider.USER, StandInProvider.PASSWORD)
                        .status())
                .isZero();
    }

    @Test
    void postsKeycloaksLoginFormToItsActionWithItsHiddenFieldsOnly() {
        StandInProvider keycloak = start(Shape.KEYCLOAK);

        UserSignIn.http(keycloak.issuer()).signIn(StandInProvider.USER, StandInProvider.PASSWORD);

        assertThat(keycloak.postedTo)
                .as("the action's query, its &amp; read as &")
                .containsOnly(
                        Map.entry("session_code", "sc-1"),
                        Map.entry("execution", "ex-1"),
                        Map.entry("client_id", "clinic-cli"),
                        Map.entry("tab_id", "tab-1"));
        assertThat(keycloak.posted)
                .as("the hidden fields and the credentials; no unticked box, button or other form")
                .containsOnlyKeys("credentialId", "theme_field", "username", "password")
                .containsEntry("credentialId", "")
                .containsEntry("theme_field", "t-1");
    }

    @Test
    void postsSpringsLoginFormBackToTheSignInPageWithItsCsrfField() {
        StandInProvider spring = start(Shape.SPRING_AUTHORIZATION_SERVER);

        UserSignIn.http(spring.issuer()).signIn(StandInProvider.USER, StandInProvider.PASSWORD);

        assertThat(spring.posted)
                .containsOnlyKeys("_csrf", "username", "password")
                .containsEntry("_csrf", "csrf-1");
    }

    @Test
    void anIssuerWithoutADiscoveryDocumentIsARefusalNamingWhereItLooked() {
        StandInProvider keycloak = start(Shape.KEYCLOAK);
        URI otherRealm = keycloak.issuer().resolve("/realms/other");

        Answer answer = UserSignIn.http(otherRealm).signIn(StandInProvider.USER, StandInProvider.PASSWORD);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body())
                .contains("no OpenID provider configuration at " + otherRealm + "/.well-known/openid-configuration");
    }

    @Test
    void accessTokenAnswersTheTokenOrNamesTheUserAndTheErrorButNotThePassword() {
        StandInProvider keycloak = start(Shape.KEYCLOAK);

        assertThat(UserSignIn.accessToken(keycloak.issuer(), StandInProvider.USER, StandInProvider.PASSWORD))
                .isEqualTo("token-of-clinician-bos");
        assertThatThrownBy(() -> UserSignIn.accessToken(keycloak.issuer(), StandInProvider.USER, "wrong-pw"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user clinician-bos")
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("wrong-pw");
    }

    @Test
    void sendsASecureCookieBackOverPlainHttpOnlyToALoopbackOriginAndAsABrowserWritesIt() throws IOException {
        UserSignIn.BrowserCookies cookies = new UserSignIn.BrowserCookies();
        String setCookie = "AUTH_SESSION_ID=s-1; Version=1; Path=/realms/clinicops/; SameSite=None; Secure; HttpOnly";
        for (String host : List.of("http://localhost:8180", "http://keycloak.example")) {
            cookies.put(
                    URI.create(host + "/realms/clinicops/protocol/openid-connect/auth"),
                    Map.of("Set-Cookie", List.of(setCookie)));
        }

        assertThat(cookies.get(
                        URI.create("http://localhost:8180/realms/clinicops/login-actions/authenticate"), Map.of()))
                .containsExactly(Map.entry("Cookie", List.of("AUTH_SESSION_ID=s-1")));
        assertThat(cookies.get(
                        URI.create("https://keycloak.example/realms/clinicops/login-actions/authenticate"), Map.of()))
                .containsExactly(Map.entry("Cookie", List.of("AUTH_SESSION_ID=s-1")));
        assertThat(cookies.get(
                        URI.create("http://keycloak.example/realms/clinicops/login-actions/authenticate"), Map.of()))
                .as("Secure over plain http to another host: not sent")
                .isEmpty();
        assertThat(cookies.get(URI.create("http://localhost:8180/admin/"), Map.of()))
                .as("outside the cookie's path")
                .isEmpty();
    }

    private StandInProvider start(Shape shape) {
        StandInProvider started = new StandInProvider(shape);
        provider = started;
        return started;
    }
}
