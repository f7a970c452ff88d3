package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOptionsTest {

    @Test
    void runsAtTwelvePatientsAMinuteAgainstTheLocalPortsByDefault() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.patientsPerMinute()).isEqualTo(12.0);
        assertThat(options.intakeUrl()).isEqualTo("http://localhost:8081");
        assertThat(options.monitoringUrl()).isEqualTo("http://localhost:8084");
        assertThat(options.minutes()).isZero();
    }

    @Test
    void speedScalesTheArrivalRateAndShortensTheGapBetweenSessions() {
        DemoOptions options = DemoOptions.parse("--speed", "5", "--minutes", "3");

        assertThat(options.patientsPerMinute()).isEqualTo(60.0);
        assertThat(options.minutes()).isEqualTo(3);
    }

    @Test
    void rejectsANonPositiveSpeedWithAClearMessage() {
        assertThatThrownBy(() -> DemoOptions.parse("--speed", "0"))
                .hasMessage("--speed must be a positive number, not '0'");
        assertThatThrownBy(() -> DemoOptions.parse("--warp", "9")).hasMessage("unknown option --warp");
    }

    @Test
    void signsInAtTheLocalAuthorizationServerByDefault() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.issuer()).isIn("http://localhost:9000", System.getenv("CLINIC_AUTH_ISSUER"));
        assertThat(options.secretFile()).isEqualTo(Path.of("var/auth/demo-client-secret"));
        assertThat(DemoOptions.parse("--issuer", "http://auth:9000/").tokenEndpoint())
                .isEqualTo("http://auth:9000/oauth2/token");
    }

    @Test
    void takesKeycloaksTokenEndpointWhenGiven() {
        String keycloak = "http://localhost:8180/realms/clinicops/protocol/openid-connect/token";

        assertThat(DemoOptions.parse("--token-uri", keycloak).tokenEndpoint()).isEqualTo(keycloak);
    }

    @Test
    void takesTheClientSecretFromTheEnvironmentBeforeTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo-client-secret");
        Files.writeString(file, "from-file\n");
        DemoOptions options = DemoOptions.parse("--secret-file", file.toString());

        assertThat(options.clientSecret(Map.of())).isEqualTo("from-file");
        assertThat(options.clientSecret(Map.of("CLINIC_DEMO_CLIENT_SECRET", "from-env")))
                .isEqualTo("from-env");
    }

    @Test
    void saysWhereTheSecretShouldBeWhenThereIsNone(@TempDir Path dir) {
        DemoOptions options =
                DemoOptions.parse("--secret-file", dir.resolve("missing").toString());

        assertThatThrownBy(() -> options.clientSecret(Map.of()))
                .hasMessageContaining("CLINIC_DEMO_CLIENT_SECRET")
                .hasMessageContaining("./clinic up");
    }

    @Test
    void runsAtTheTypicalRatesUnlessARateIsGivenByName() {
        assertThat(DemoOptions.parse().rates()).isEqualTo(DemoRates.typical());

        DemoRates rates = DemoOptions.parse("--rate", "invoiceVoid=0", "--rate", "withdrawal = 0.1")
                .rates();

        assertThat(rates.invoiceVoid()).isZero();
        assertThat(rates.withdrawal()).isEqualTo(0.1);
        assertThat(rates.consultationNoShow()).isEqualTo(DemoRates.typical().consultationNoShow());
    }

    @Test
    void rejectsARateWithoutANameOrAShare() {
        assertThatThrownBy(() -> DemoOptions.parse("--rate", "0.1")).hasMessage("--rate takes NAME=SHARE, not '0.1'");
        assertThatThrownBy(() -> DemoOptions.parse("--rate", "invoiceVoid=often"))
                .hasMessage("--rate invoiceVoid must be a share from 0 to 1, not 'often'");
        assertThatThrownBy(() -> DemoOptions.parse("--rate", "voids=0")).hasMessageStartingWith("unknown rate voids");
        assertThat(DemoOptions.USAGE).contains("--rate NAME=SHARE", "assistanceAfterIssue");
    }

    @Test
    void neverPrintsAGivenToken() {
        assertThat(DemoOptions.parse("--token", "eyJsecret").toString()).doesNotContain("eyJsecret");
    }
}
