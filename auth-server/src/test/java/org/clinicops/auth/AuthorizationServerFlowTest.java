package org.clinicops.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * The auth server over real HTTP on a random port: sign-in through the authorization-code flow with
 * PKCE, client credentials, and tokens verified only with what the server publishes (its JWK set),
 * as a resource server would.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "clinic.auth.demo-password=" + AuthorizationServerFlowTest.PASSWORD,
            "clinic.auth.web-client-secret=" + AuthorizationServerFlowTest.WEB_SECRET,
            "clinic.auth.demo-client-secret=" + AuthorizationServerFlowTest.DEMO_SECRET,
            "clinic.auth.key-file=target/test-keys/flow-signing-key.json"
        })
class AuthorizationServerFlowTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String WEB_SECRET = "web-secret-for-tests";
    static final String DEMO_SECRET = "demo-secret-for-tests";
    static final String ISSUER = "http://localhost:9000";
    static final List<String> SERVICES =
            List.of("intake-service", "scheduling-service", "billing-service", "monitoring-service");

    @LocalServerPort
    int port;

    String baseUrl;
    Browser browser;

    @BeforeEach
    void openBrowser() {
        baseUrl = "http://localhost:" + port;
        browser = new Browser(baseUrl);
    }

    @ParameterizedTest
    @CsvSource({"nurse-den, NURSE, den", "billing-multi, BILLING, bos den sea", "admin, ADMIN, *"})
    void signedInUserGetsAnHourLongJwtWithItsRolesAndSites(String username, String role, String sites) {
        Browser.Pkce pkce = Browser.Pkce.create();

        String code = browser.authorizationCode(username, PASSWORD, pkce).orElseThrow();
        JsonNode tokens = browser.tokenForCode(code, pkce);

        Jwt access = verifiedWithPublishedKeys(tokens.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(username);
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo(username);
        assertThat(access.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(access.getClaimAsStringList("sites")).containsExactly(sites.split(" "));
        assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsEntry("typ", "at+jwt");
        assertThat(access.getAudience()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(Duration.between(access.getIssuedAt(), access.getExpiresAt()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(tokens.path("expires_in").asInt()).isBetween(3590, 3600);

        Jwt id = verifiedWithPublishedKeys(tokens.path("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(username);
        assertThat(id.getAudience()).containsExactly("clinic-cli");
        assertThat(id.getHeaders().get("typ")).isNotEqualTo("at+jwt");
        assertThat(id.getClaimAsStringList("roles")).containsExactly(role);
        assertThat(userInfo(tokens.path("access_token").asString()).statusCode())
                .as("the user info endpoint takes the at+jwt access token")
                .isEqualTo(200);
        assertThat(id.getClaimAsStringList("sites")).containsExactly(sites.split(" "));
    }

    @Test
    void webClientSignsInWithItsSecretAndGetsARefreshToken() {
        String redirect = "http://localhost:8083/login/oauth2/code/clinic";
        String code = browser.authorizationCode("clinic-web", redirect, "billing-bos", PASSWORD, null)
                .orElseThrow();

        var response = browser.post(
                "/oauth2/token",
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect),
                "clinic-web:" + WEB_SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = Browser.json(response);
        assertThat(tokens.path("refresh_token").asString()).isNotBlank();
        Jwt access = verifiedWithPublishedKeys(tokens.path("access_token").asString());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("BILLING");
        assertThat(access.getClaimAsStringList("sites")).containsExactly("bos");

        var refreshed = browser.post(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        tokens.path("refresh_token").asString()),
                "clinic-web:" + WEB_SECRET);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Jwt renewed = verifiedWithPublishedKeys(
                Browser.json(refreshed).path("access_token").asString());
        assertThat(renewed.getSubject()).isEqualTo("billing-bos");
        assertThat(renewed.getClaimAsStringList("sites")).containsExactly("bos");
    }

    @Test
    void wrongPasswordGetsNoCode() {
        Browser.Pkce pkce = Browser.Pkce.create();

        Optional<String> code = browser.authorizationCode("nurse-bos", "not the password", pkce);

        assertThat(code).isEmpty();
        // still not signed in: asking again leads back to the sign-in page
        var again = browser.get("/oauth2/authorize?response_type=code&client_id=clinic-cli&scope=openid"
                + "&redirect_uri=http://127.0.0.1:8765/callback&code_challenge=" + pkce.challenge()
                + "&code_challenge_method=S256");
        assertThat(Browser.location(again)).endsWith("/login");
    }

    @Test
    void cliClientCannotSkipPkce() {
        var authorize = browser.get("/oauth2/authorize?response_type=code&client_id=clinic-cli&scope=openid"
                + "&redirect_uri=http://127.0.0.1:8765/callback&state=s");

        assertThat(Browser.location(authorize)).startsWith(Browser.CLI_REDIRECT).contains("error=invalid_request");
    }

    @Test
    void demoClientActsAsAdminAtEverySite() {
        var response =
                browser.post("/oauth2/token", Map.of("grant_type", "client_credentials"), "clinic-demo:" + DEMO_SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt access = verifiedWithPublishedKeys(
                Browser.json(response).path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("demo-simulator");
        assertThat(access.getHeaders()).containsEntry("typ", "at+jwt");
        assertThat(access.getAudience()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(access.getClaimAsStringList("roles")).isEqualTo(List.of("ADMIN"));
        assertThat(access.getClaimAsStringList("sites")).isEqualTo(List.of("*"));
    }

    @Test
    void demoClientWithWrongSecretGetsNoToken() {
        var response = browser.post("/oauth2/token", Map.of("grant_type", "client_credentials"), "clinic-demo:guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void healthAndDiscoveryArePublic() {
        var health = browser.api("/actuator/health");
        var discovery = browser.api("/.well-known/openid-configuration");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Browser.json(health).path("status").asString()).isEqualTo("UP");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(Browser.json(discovery).path("issuer").asString()).isEqualTo(ISSUER);
    }

    private java.net.http.HttpResponse<String> userInfo(String accessToken) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/userinfo"))
                                    .header("Authorization", "Bearer " + accessToken)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Jwt verifiedWithPublishedKeys(String token) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build();
        // access tokens are at+jwt, ID tokens JWT: the type is asserted by each test
        JwtTypeValidator types = new JwtTypeValidator("at+jwt", "JWT");
        types.setAllowEmpty(true);
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(ISSUER), types)));
        return decoder.decode(token);
    }
}
