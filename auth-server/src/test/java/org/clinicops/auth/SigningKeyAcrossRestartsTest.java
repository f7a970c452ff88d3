package org.clinicops.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

/** Two application contexts one after the other, as two runs of the server. */
class SigningKeyAcrossRestartsTest {

    @TempDir
    Path directory;

    @Test
    void restartedServerSignsWithTheSameKeyAndStillAcceptsEarlierTokens() throws Exception {
        Path keyFile = directory.resolve("auth/signing-key.json");

        String firstKid;
        String earlierToken;
        try (ConfigurableApplicationContext first = start(keyFile)) {
            Browser browser = new Browser(baseUrl(first));
            firstKid = publishedKid(browser);
            earlierToken = clientCredentialsToken(browser);
        }
        assertThat(keyFile).exists();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
        }

        try (ConfigurableApplicationContext second = start(keyFile)) {
            Browser browser = new Browser(baseUrl(second));
            assertThat(publishedKid(browser)).isEqualTo(firstKid);
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl(second) + "/oauth2/jwks")
                    .build();
            // an access token: typ at+jwt, which the default validator takes for not a JWT
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
            Jwt jwt = decoder.decode(earlierToken);
            assertThat(jwt.getHeaders()).containsEntry("kid", firstKid);
        }
    }

    @Test
    void refusesToStartWithoutTheDemoPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AuthServerApplication.class)
                        .run(
                                "--server.port=0",
                                "--clinic.auth.demo-password=",
                                "--clinic.auth.web-client-secret=w",
                                "--clinic.auth.demo-client-secret=d",
                                "--clinic.auth.key-file=" + directory.resolve("key.json"))
                        .close())
                .rootCause()
                .isInstanceOf(MissingSecretException.class)
                .hasMessageContaining("CLINIC_DEMO_PASSWORD");
    }

    private static ConfigurableApplicationContext start(Path keyFile) {
        // command-line arguments: they win over application.yml, as the environment does in a real run
        return new SpringApplicationBuilder(AuthServerApplication.class)
                .run(
                        "--server.port=0",
                        "--clinic.auth.demo-password=pw",
                        "--clinic.auth.web-client-secret=w",
                        "--clinic.auth.demo-client-secret=d",
                        "--clinic.auth.key-file=" + keyFile);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String publishedKid(Browser browser) {
        JsonNode keys = Browser.json(browser.api("/oauth2/jwks")).path("keys");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).has("d")).as("private part is never published").isFalse();
        return keys.get(0).path("kid").asString();
    }

    private static String clientCredentialsToken(Browser browser) {
        var response = browser.post("/oauth2/token", Map.of("grant_type", "client_credentials"), "clinic-demo:d");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Browser.json(response).path("access_token").asString();
    }
}
