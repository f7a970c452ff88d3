package org.clinicops.scheduling.booking.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.security.ClinicSecurityConfiguration;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TestTokensInitializer;
import org.clinicops.platform.web.ProblemDetailsAdvice;
import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.application.CancelAppointment;
import org.clinicops.scheduling.booking.application.CompleteSessionCommand;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.application.RescheduleAppointment;
import org.clinicops.scheduling.booking.application.RunSession;
import org.clinicops.scheduling.booking.application.StopSessionCommand;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.DischargeCheck;
import org.clinicops.scheduling.booking.domain.DischargePolicy;
import org.clinicops.scheduling.booking.domain.DischargeRefusedException;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.OverrideRequest;
import org.clinicops.scheduling.booking.domain.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The appointment API with the service's real security (its access policy, the platform's resource
 * server trusting {@link TestTokens}) and mocked use cases.
 */
@WebMvcTest(
        controllers = AppointmentController.class,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.clinicops\\.scheduling\\.security\\..*"))
@ImportAutoConfiguration(ClinicSecurityConfiguration.class)
@Import({ProblemDetailsAdvice.class, AppointmentAccess.class})
@ContextConfiguration(initializers = TestTokensInitializer.class)
class AppointmentControllerTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final String NURSE_BOS = TestTokens.of("nurse-bos", Role.NURSE, "bos");
    private static final String CLINICIAN_BOS = TestTokens.of("clinician-bos", Role.CLINICIAN, "bos");
    private static final String INTAKE_BOS = TestTokens.of("intake-bos", Role.INTAKE, "bos");

    @TestConfiguration
    static class PlatformBeans {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        IdGenerator idGenerator() {
            return prefix -> prefix + "_test";
        }
    }

    @Autowired
    MockMvcTester mvc;

    /** Where the audit trail would be written. */
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    MongoTemplate mongo;

    @MockitoBean
    FindAppointments findAppointments;

    @MockitoBean
    AppointmentRepository appointments;

    @MockitoBean
    RescheduleAppointment reschedule;

    @MockitoBean
    CancelAppointment cancel;

    @MockitoBean
    RunSession session;

    @BeforeEach
    void appointmentsAtBoston() {
        when(appointments.findById("apt_1")).thenReturn(Optional.of(infusion("apt_1", "bos")));
        when(appointments.findById("apt_c")).thenReturn(Optional.of(consultation("apt_c", "bos")));
        when(appointments.findById("apt_den")).thenReturn(Optional.of(infusion("apt_den", "den")));
    }

    @Test
    void answers404ForAnUnknownAppointment() {
        assertThat(as(NURSE_BOS, mvc.post().uri("/api/appointments/apt_missing/check-in")))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(session);
    }

    @Test
    void answersAnIllegalStepWithA409ProblemDetail() {
        when(session.start(any(Appointment.class)))
                .thenThrow(new ConflictException(
                        "ILLEGAL_TRANSITION",
                        "cannot start an appointment that is SCHEDULED",
                        Map.of("status", "SCHEDULED")));

        assertThat(as(NURSE_BOS, mvc.post().uri("/api/appointments/apt_1/start")))
                .hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText()
                .contains("ILLEGAL_TRANSITION", "SCHEDULED");
    }

    @Test
    void answersAChangeThatLostARaceWithA409ProblemDetailNotA500() {
        when(session.checkIn(any(Appointment.class)))
                .thenThrow(new OptimisticLockingFailureException("version 3 of apt_1 is no longer current"));

        assertThat(as(NURSE_BOS, mvc.post().uri("/api/appointments/apt_1/check-in")))
                .hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText()
                .contains("CONCURRENT_UPDATE")
                .doesNotContain("version 3");
    }

    @Test
    void answersATakenTimeWithTheNearestAlternatives() {
        when(reschedule.handle(eq("apt_1"), any()))
                .thenThrow(new ConflictException(
                        "SLOT_TAKEN",
                        "the requested time is taken",
                        Map.of("alternatives", List.of("2026-12-01T15:00:00Z"))));

        assertThat(as(
                        CLINICIAN_BOS,
                        mvc.post()
                                .uri("/api/appointments/apt_1/reschedule")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"startsAt\":\"2026-12-01T14:00:00Z\"}")))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.alternatives[0]")
                .isEqualTo("2026-12-01T15:00:00Z");
    }

    @Test
    void namesTheFieldOfAnUnknownCancellationReason() {
        assertThat(as(
                        CLINICIAN_BOS,
                        mvc.post()
                                .uri("/api/appointments/apt_1/cancel")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"reason\":\"BORED\"}")))
                .hasStatus(400)
                .bodyText()
                .contains("reason");
        verifyNoInteractions(cancel);
    }

    @Test
    void refusesARescheduleWithoutAStartTime() {
        assertThat(as(
                        CLINICIAN_BOS,
                        mvc.post()
                                .uri("/api/appointments/apt_1/reschedule")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}")))
                .hasStatus(400)
                .bodyText()
                .contains("startsAt");
        verifyNoInteractions(reschedule);
    }

    @Test
    void refusesACallWithoutAValidToken() {
        assertThat(mvc.post().uri("/api/appointments/apt_1/check-in")).hasStatus(401);
        assertThat(as(TestTokens.expired(), mvc.post().uri("/api/appointments/apt_1/check-in")))
                .hasStatus(401);
        assertThat(as(TestTokens.tampered(), mvc.get().uri("/api/appointments/apt_1")))
                .hasStatus(401);
        verifyNoInteractions(session);
    }

    @Test
    void refusesAnotherSitesAppointmentBeforeChangingIt() {
        assertThat(as(NURSE_BOS, mvc.post().uri("/api/appointments/apt_den/check-in")))
                .hasStatus(403)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(as(NURSE_BOS, mvc.get().uri("/api/appointments/apt_den"))).hasStatus(403);
        verifyNoInteractions(session);
    }

    @Test
    void letsIntakeCancelAConsultationButNotAnInfusionSession() {
        when(cancel.handle(eq("apt_c"), any())).thenReturn(consultation("apt_c", "bos"));

        assertThat(as(INTAKE_BOS, mvc.post().uri("/api/appointments/apt_c/cancel")))
                .hasStatus(200);
        assertThat(as(INTAKE_BOS, mvc.post().uri("/api/appointments/apt_1/cancel")))
                .hasStatus(403);
    }

    @Test
    void refusesARoleThePolicyDoesNotNameWithoutLoadingAnything() {
        assertThat(as(
                        TestTokens.of("billing-bos", Role.BILLING, "bos"),
                        mvc.get().uri("/api/appointments/apt_1")))
                .hasStatus(403);
        assertThat(as(TestTokens.of("operator", Role.OPERATOR, "*"), mvc.post().uri("/api/appointments/apt_1/start")))
                .hasStatus(403);
        verifyNoInteractions(appointments, session);
    }

    private static final String COMPLETE = """
            {"doseMg":"35.0","infusionMinutes":40,"observationMinutes":60,"weightKg":"70.0",
             "dischargedWithEscort":true%s}""";

    private MockMvcRequestBuilder postJson(String token, String uri, String json) {
        return as(
                token,
                mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void refusesAnInfusionCompletionWithoutDoseMinutesOrTheDaysWeightNamingEachField() {
        assertThat(postJson(NURSE_BOS, "/api/appointments/apt_1/complete", "{\"symptomScale\":\"PHQ9\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("doseMg", "infusionMinutes", "observationMinutes", "weightKg");
        verifyNoInteractions(session);
    }

    @Test
    void refusesAWeightOrDoseOutOfRangeAndAScoreBeyondItsScale() {
        assertThat(postJson(
                        NURSE_BOS,
                        "/api/appointments/apt_1/complete",
                        COMPLETE.formatted("").replace("\"70.0\"", "\"400\"")))
                .hasStatus(400)
                .bodyText()
                .contains("weightKg");
        assertThat(postJson(
                        NURSE_BOS,
                        "/api/appointments/apt_1/complete",
                        COMPLETE.formatted("").replace("\"35.0\"", "\"-1\"")))
                .hasStatus(400)
                .bodyText()
                .contains("doseMg");
        assertThat(postJson(
                        NURSE_BOS,
                        "/api/appointments/apt_1/complete",
                        COMPLETE.formatted(",\"symptomScale\":\"PHQ9\",\"symptomScore\":28")))
                .hasStatus(400)
                .bodyText()
                .contains("symptomScore", "between 0 and 27");
        assertThat(postJson(
                        NURSE_BOS,
                        "/api/appointments/apt_1/complete",
                        COMPLETE.formatted(",\"symptomScale\":\"PAIN_NRS\",\"symptomScore\":11")))
                .hasStatus(400)
                .bodyText()
                .contains("between 0 and 10");
        verifyNoInteractions(session);
    }

    @Test
    void refusesANursesOverrideWith403BeforeAnythingRuns() {
        assertThat(postJson(
                        NURSE_BOS,
                        "/api/appointments/apt_1/complete",
                        COMPLETE.formatted(",\"override\":{\"reason\":\"the patient insists on leaving\"}")))
                .hasStatus(403)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(session);
    }

    @Test
    void refusesAnOverrideWithoutAReasonOrWithAnEssay() {
        for (String reason : List.of("", "  ", "ok", "x".repeat(501))) {
            assertThat(postJson(
                            CLINICIAN_BOS,
                            "/api/appointments/apt_1/complete",
                            COMPLETE.formatted(",\"override\":{\"reason\":\"" + reason + "\"}")))
                    .hasStatus(400)
                    .bodyText()
                    .contains("override.reason");
        }
        assertThat(postJson(CLINICIAN_BOS, "/api/appointments/apt_1/complete", COMPLETE.formatted(",\"override\":{}")))
                .hasStatus(400);
        verifyNoInteractions(session);
    }

    @Test
    void passesAClinciansOverrideWithTheSignedInStaffIdAndTheReason() {
        when(session.complete(any(Appointment.class), any())).thenReturn(infusion("apt_1", "bos"));

        assertThat(postJson(
                        CLINICIAN_BOS,
                        "/api/appointments/apt_1/complete",
                        COMPLETE.formatted(",\"override\":{\"reason\":\"  transferred to the ward  \"}")))
                .hasStatus(200);
        var command = org.mockito.ArgumentCaptor.forClass(CompleteSessionCommand.class);
        org.mockito.Mockito.verify(session)
                .complete(
                        org.mockito.ArgumentMatchers.<Appointment>argThat(
                                read -> read.patientId().equals("p_apt_1")),
                        command.capture());
        assertThat(command.getValue().override())
                .isEqualTo(new OverrideRequest("clinician-bos", "transferred to the ward"));
        assertThat(command.getValue().outcome().weightKg()).isEqualByComparingTo("70.0");
    }

    @Test
    void answersFailedDischargeChecksWithA409NamingEveryOne() {
        when(session.complete(any(Appointment.class), any()))
                .thenThrow(new DischargeRefusedException(List.of(
                        new DischargePolicy.Failure(DischargeCheck.NO_RECENT_VITALS, "no vitals"),
                        new DischargePolicy.Failure(DischargeCheck.OPEN_ALERT, "1 alert open"))));

        var result = assertThat(postJson(NURSE_BOS, "/api/appointments/apt_1/complete", COMPLETE.formatted("")));
        result.hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        result.bodyJson().extractingPath("$.code").isEqualTo("NO_RECENT_VITALS");
        result.bodyJson().extractingPath("$.failedChecks").asArray().containsExactly("NO_RECENT_VITALS", "OPEN_ALERT");
    }

    @Test
    void stopsAnInfusionForANurseOrAClinicianOfItsSite() {
        when(session.stop(any(Appointment.class), any())).thenReturn(infusion("apt_1", "bos"));
        String stop = "{\"reason\":\"TRANSFER\",\"infusionMinutes\":20}";

        assertThat(postJson(NURSE_BOS, "/api/appointments/apt_1/stop", stop)).hasStatus(200);
        assertThat(postJson(CLINICIAN_BOS, "/api/appointments/apt_1/stop", stop))
                .hasStatus(200);
        org.mockito.Mockito.verify(session, org.mockito.Mockito.times(2))
                .stop(
                        org.mockito.ArgumentMatchers.<Appointment>argThat(
                                read -> read.patientId().equals("p_apt_1")),
                        eq(new StopSessionCommand(SessionStopped.Reason.TRANSFER, 20, null)));
        assertThat(postJson(INTAKE_BOS, "/api/appointments/apt_1/stop", stop)).hasStatus(403);
        assertThat(postJson(NURSE_BOS, "/api/appointments/apt_den/stop", stop)).hasStatus(403);
        assertThat(postJson(NURSE_BOS, "/api/appointments/apt_c/stop", stop))
                .as("a consultation is not stopped")
                .hasStatus(403);
    }

    @Test
    void refusesAStopWithoutAKnownReasonOrWithMinutesOutOfRange() {
        for (String body : List.of(
                "{\"reason\":\"BORED\",\"infusionMinutes\":20}",
                "{\"infusionMinutes\":20}",
                "{\"reason\":\"TRANSFER\"}",
                "{\"reason\":\"TRANSFER\",\"infusionMinutes\":-1}",
                "{\"reason\":\"TRANSFER\",\"infusionMinutes\":20,\"doseMg\":\"-3\"}")) {
            assertThat(postJson(NURSE_BOS, "/api/appointments/apt_1/stop", body))
                    .as(body)
                    .hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(as(NURSE_BOS, mvc.post().uri("/api/appointments/apt_1/stop")))
                .hasStatus(400);
        verifyNoInteractions(session);
    }

    private static MockMvcRequestBuilder as(String token, MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
    }

    private static Appointment infusion(String id, String site) {
        return Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_" + id,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        6,
                        40,
                        120,
                        new BigDecimal("35"),
                        true),
                "p_" + id,
                site,
                1,
                new Slot(START, START.plus(Duration.ofMinutes(165)), null, site + "-1", List.of()),
                "evt_" + id,
                START.minus(Duration.ofDays(7)));
    }

    private static Appointment consultation(String id, String site) {
        return Appointment.scheduleConsultation(
                id,
                "p_" + id,
                site,
                false,
                START.minus(Duration.ofDays(2)),
                new Slot(START, START.plus(Duration.ofMinutes(45)), site + "-dr1", null, List.of()),
                "evt_" + id,
                START.minus(Duration.ofDays(1)));
    }
}
