package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clinicops.demo.StandInProvider.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./clinic token}: the token alone on stdout, secrets only from the environment or files. */
class TokenCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aUserSignsInWithThePasswordOfTheEnvironmentAndOnlyTheTokenIsPrinted() {
        try (StandInProvider provider = new StandInProvider(Shape.SPRING_AUTHORIZATION_SERVER)) {
            int status = run(
                    Map.of(DemoOptions.PASSWORD_ENV, StandInProvider.PASSWORD),
                    StandInProvider.USER,
                    "--issuer",
                    provider.issuer().toString());

            assertThat(status).as(err()).isZero();
            assertThat(out()).isEqualTo("token-of-clinician-bos\n");
        }
    }

    @Test
    void thePasswordComesFromTheFileWhenTheEnvironmentHasNone(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("demo-password"), StandInProvider.PASSWORD + "\n");
        try (StandInProvider provider = new StandInProvider(Shape.KEYCLOAK)) {
            int status = run(
                    Map.of(),
                    StandInProvider.USER,
                    "--issuer",
                    provider.issuer().toString(),
                    "--password-file",
                    file.toString());

            assertThat(status).as(err()).isZero();
            assertThat(out()).isEqualTo("token-of-clinician-bos\n");
        }
    }

    @Test
    void aRefusedSignInSaysSoOnStderrWithoutThePassword() {
        try (StandInProvider provider = new StandInProvider(Shape.SPRING_AUTHORIZATION_SERVER)) {
            int status = run(
                    Map.of(DemoOptions.PASSWORD_ENV, "not-the-password"),
                    StandInProvider.USER,
                    "--issuer",
                    provider.issuer().toString());

            assertThat(status).isEqualTo(1);
            assertThat(out()).isEmpty();
            assertThat(err()).contains(StandInProvider.USER).doesNotContain("not-the-password");
        }
    }

    @Test
    void withoutAPasswordAnywhereItNamesWhereToPutOne(@TempDir Path dir) {
        int status = run(
                Map.of(), "nurse-bos", "--password-file", dir.resolve("none").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).contains(DemoOptions.PASSWORD_ENV).contains("none");
    }

    @Test
    void theCommandLineTakesNoSecretAndOneOfAUserOrTheDemoClient() {
        assertThat(run(Map.of(), "--password", "x", "nurse-bos")).isEqualTo(2);
        assertThat(err()).contains("unknown option --password");
        assertThatThrownBy(() -> TokenCommand.Request.parse()).hasMessageContaining("either a user or --client demo");
        assertThatThrownBy(() -> TokenCommand.Request.parse("nurse-bos", "--client", "demo"))
                .hasMessageContaining("either a user or --client demo");
        assertThatThrownBy(() -> TokenCommand.Request.parse("--client", "other"))
                .hasMessageContaining("unknown client 'other'");
        assertThat(TokenCommand.Request.parse("--client", "demo", "--issuer", "http://auth:9000/")
                        .clientTokenEndpoint())
                .isEqualTo("http://auth:9000/oauth2/token");
    }

    private int run(Map<String, String> env, String... args) {
        return TokenCommand.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
