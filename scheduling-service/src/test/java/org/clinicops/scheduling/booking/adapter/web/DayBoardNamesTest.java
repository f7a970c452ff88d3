package org.clinicops.scheduling.booking.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.clinicops.events.Condition;
import org.clinicops.events.EventJson;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StubIntakeNames;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The day board names each patient beside the pseudonym, read from intake as the user, or says why not. */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DayBoardNamesTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final String ALWAYS_OPEN = """
            [{"day":"MONDAY","opens":"00:00","closes":"24:00"},{"day":"TUESDAY","opens":"00:00","closes":"24:00"},
             {"day":"WEDNESDAY","opens":"00:00","closes":"24:00"},{"day":"THURSDAY","opens":"00:00","closes":"24:00"},
             {"day":"FRIDAY","opens":"00:00","closes":"24:00"},{"day":"SATURDAY","opens":"00:00","closes":"24:00"},
             {"day":"SUNDAY","opens":"00:00","closes":"24:00"}]""";
    private static final String NURSE = TestTokens.of("nurse-brd", Role.NURSE, "brd");

    static final StubIntakeNames INTAKE =
            StubIntakeNames.serving("{\"patientId\":\"p_brd_ada\",\"displayName\":\"Ada Lovelace\"}");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry properties) {
        INTAKE.register(properties);
    }

    @AfterAll
    static void stopIntake() {
        INTAKE.stop();
    }

    @Test
    void showsNamesWhenIntakeAnswersAndPseudonymsWithANoticeWhenItDoesNot(CapturedOutput output) throws Exception {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), LOS_ANGELES));
        assertThat(send(request("/api/sites", TestTokens.of("operator", Role.OPERATOR, "*"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"id":"brd","name":"Site brd","timeZone":"America/Los_Angeles","chairs":1,"openingHours":%s,
                                         "clinicians":[{"id":"brd-dr1","name":"Dr One","role":"PHYSICIAN"},
                                                       {"id":"brd-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(ALWAYS_OPEN))))
                        .statusCode())
                .isEqualTo(201);
        kafka.send(EventRecords.fromOwner(PendingEvent.of(plan(clock.instant()), "evt_plan_brd", clock.instant())));
        await().untilAsserted(() -> assertThat(send(request("/api/appointments?siteId=brd", TestTokens.admin())
                                .GET())
                        .body())
                .contains("p_brd_ada"));
        String startsAt = EventJson.mapper()
                .readTree(send(request("/api/appointments?siteId=brd", TestTokens.admin())
                                .GET())
                        .body())
                .get("content")
                .get(0)
                .get("startsAt")
                .asString();
        String board = "/sites/brd/board?date="
                + Instant.parse(startsAt).atZone(LOS_ANGELES).toLocalDate();

        INTAKE.down(false);
        HttpResponse<String> named =
                send(request(board, NURSE).header("Accept", "text/html").GET());
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(named.body()).contains("Ada Lovelace", "p_brd_ada").doesNotContain("Names unavailable");
        assertThat(INTAKE.authorizations()).last().isEqualTo(TestTokens.bearer(NURSE));

        INTAKE.down(true);
        HttpResponse<String> unnamed =
                send(request(board, NURSE).header("Accept", "text/html").GET());
        assertThat(unnamed.statusCode()).isEqualTo(200);
        assertThat(unnamed.body())
                .contains("p_brd_ada", "Names unavailable: intake did not answer")
                .doesNotContain("Ada Lovelace");
        assertThat(output.getAll()).doesNotContain("Ada Lovelace");
    }

    private static TreatmentPlanApproved plan(Instant at) {
        return new TreatmentPlanApproved(
                "plan_brd",
                "req_plan_brd",
                "p_brd_ada",
                "brd",
                "dr",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                1,
                2,
                4,
                false,
                40,
                120,
                new BigDecimal("0.5"),
                new BigDecimal("35.0"),
                true,
                PayerType.SELF_PAY,
                false,
                at);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(token));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
