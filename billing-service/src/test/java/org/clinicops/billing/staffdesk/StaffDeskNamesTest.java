package org.clinicops.billing.staffdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.clinicops.billing.Api;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StubIntakeNames;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The staff desk names the patient (and the contact details billing may see) from intake, or says why not. */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StaffDeskNamesTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");
    static final String BILLING = TestTokens.of("billing-nms", Role.BILLING, "nms");

    static final StubIntakeNames INTAKE = StubIntakeNames.serving(
            "{\"patientId\":\"p_nms_ada\",\"displayName\":\"Ada Lovelace\",\"email\":\"ada@example.org\",\"phone\":\"+1 555 0100\"}");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry properties) {
        INTAKE.register(properties);
    }

    @AfterAll
    static void stopIntake() {
        INTAKE.stop();
    }

    @BeforeEach
    void aPatientWithAnAccount() {
        clock.set(NOW.plusSeconds(300));
        Api admin = new Api(port);
        TestEvents.publish(
                kafka, new SiteUpdated("nms", "nms", "America/Denver", "USD", 4, List.of(), true, NOW), "evt_nms_site");
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_nms_1",
                        "p_nms_ada",
                        "nms",
                        Condition.ANXIETY,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        NOW),
                "evt_req_nms_1");
        await().until(() -> admin.get("/api/patients/p_nms_ada/account").status() == 200);
    }

    @Test
    void showsTheNameAndContactDetailsBesideThePseudonymWhenIntakeAnswers(CapturedOutput output) {
        INTAKE.down(false);

        String page = page("/patients/p_nms_ada");

        assertThat(page)
                .contains("Ada Lovelace", "p_nms_ada", "ada@example.org", "+1 555 0100")
                .doesNotContain("Names unavailable");
        assertThat(INTAKE.authorizations()).last().isEqualTo(TestTokens.bearer(BILLING));
        assertThat(output.getAll()).doesNotContain("Ada Lovelace", "ada@example.org");
    }

    @Test
    void rendersWithThePseudonymAndANoticeWhenIntakeDoesNotAnswer(CapturedOutput output) {
        INTAKE.down(true);

        String page = page("/patients/p_nms_ada");

        assertThat(page)
                .contains("p_nms_ada", "Names unavailable: intake did not answer")
                .doesNotContain("Ada Lovelace", "ada@example.org");
        assertThat(output.getAll()).doesNotContain("Ada Lovelace");
    }

    private String page(String path) {
        return Api.rest(port, BILLING)
                .get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .retrieve()
                .body(String.class);
    }
}
