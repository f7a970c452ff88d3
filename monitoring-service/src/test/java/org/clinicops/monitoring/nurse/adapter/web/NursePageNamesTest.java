package org.clinicops.monitoring.nurse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StubIntakeNames;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nurse page names the patient in the chair, read from intake as the nurse, or says why not. */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NursePageNamesTest {

    static final String NURSE = TestTokens.of("nurse-names", Role.NURSE, "pg_names");

    /** Intake as the page sees it: names for the ids asked, or no answer at all. */
    static final StubIntakeNames INTAKE = StubIntakeNames.serving(
            "{\"patientId\":\"p_names_ada\",\"displayName\":\"Ada Lovelace\",\"email\":null,\"phone\":null}");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry properties) {
        INTAKE.register(properties);
    }

    @AfterAll
    static void stopIntake() {
        INTAKE.stop();
    }

    @Test
    void showsThePatientsNameBesideThePseudonymWithTheNursesOwnToken(CapturedOutput output) {
        INTAKE.down(false);

        HttpResponse<String> page = getPage("/sessions/ses_names_1?patientId=p_names_ada&siteId=pg_names");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ada Lovelace").contains("p_names_ada").doesNotContain("Names unavailable");
        assertThat(page.body()).as("no contact details for a nurse").doesNotContain("ada@example.org");
        assertThat(INTAKE.authorizations()).last().isEqualTo(TestTokens.bearer(NURSE));
        assertThat(output.getAll()).doesNotContain("Ada Lovelace");
    }

    @Test
    void rendersWithThePseudonymAndANoticeWhenIntakeDoesNotAnswer(CapturedOutput output) {
        INTAKE.down(true);

        HttpResponse<String> page = getPage("/sessions/ses_names_2?patientId=p_names_ada&siteId=pg_names");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("p_names_ada")
                .contains("Names unavailable: intake did not answer")
                .doesNotContain("Ada Lovelace");
        assertThat(output.getAll()).doesNotContain("Ada Lovelace");
    }

    private HttpResponse<String> getPage(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Accept", "text/html")
                                    .header("Authorization", TestTokens.bearer(NURSE))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
