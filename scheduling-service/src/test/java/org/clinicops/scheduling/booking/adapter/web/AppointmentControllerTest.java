package org.clinicops.scheduling.booking.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.web.ProblemDetailsAdvice;
import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.application.CancelAppointment;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.application.RescheduleAppointment;
import org.clinicops.scheduling.booking.application.RunSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(AppointmentController.class)
@Import(ProblemDetailsAdvice.class)
class AppointmentControllerTest {

    @Autowired
    MockMvcTester mvc;

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

    @Test
    void answers404ForAnUnknownAppointment() {
        when(session.checkIn("apt_missing")).thenThrow(new NotFoundException("appointment", "apt_missing"));

        assertThat(mvc.post().uri("/api/appointments/apt_missing/check-in"))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersAnIllegalStepWithA409ProblemDetail() {
        when(session.start("apt_1"))
                .thenThrow(new ConflictException(
                        "ILLEGAL_TRANSITION",
                        "cannot start an appointment that is SCHEDULED",
                        Map.of("status", "SCHEDULED")));

        assertThat(mvc.post().uri("/api/appointments/apt_1/start"))
                .hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText()
                .contains("ILLEGAL_TRANSITION", "SCHEDULED");
    }

    @Test
    void answersATakenTimeWithTheNearestAlternatives() {
        when(reschedule.handle(eq("apt_1"), any()))
                .thenThrow(new ConflictException(
                        "SLOT_TAKEN",
                        "the requested time is taken",
                        Map.of("alternatives", List.of("2026-12-01T15:00:00Z"))));

        assertThat(mvc.post()
                        .uri("/api/appointments/apt_1/reschedule")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startsAt\":\"2026-12-01T14:00:00Z\"}"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.alternatives[0]")
                .isEqualTo("2026-12-01T15:00:00Z");
    }

    @Test
    void namesTheFieldOfAnUnknownCancellationReason() {
        assertThat(mvc.post()
                        .uri("/api/appointments/apt_1/cancel")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"BORED\"}"))
                .hasStatus(400)
                .bodyText()
                .contains("reason");
        verifyNoInteractions(cancel);
    }

    @Test
    void refusesARescheduleWithoutAStartTime() {
        assertThat(mvc.post()
                        .uri("/api/appointments/apt_1/reschedule")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(400)
                .bodyText()
                .contains("startsAt");
        verifyNoInteractions(reschedule);
    }
}
