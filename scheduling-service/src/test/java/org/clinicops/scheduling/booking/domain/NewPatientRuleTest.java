package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionStopped;
import org.junit.jupiter.api.Test;

class NewPatientRuleTest {

    /** The consultation being completed starts here. */
    private static final Instant START = Instant.parse("2027-03-15T15:00:00Z");
    /** Three years before {@link #START}, as CPT counts them (calendar years). */
    private static final Instant THREE_YEARS_BEFORE =
            START.atOffset(ZoneOffset.UTC).minus(Period.ofYears(3)).toInstant();

    private static Appointment consultation(String requestId, String patientId, Instant start) {
        return Appointment.scheduleConsultation(
                requestId,
                patientId,
                "bos",
                false,
                start.minus(Duration.ofDays(3)),
                new Slot(start, start.plus(Duration.ofMinutes(45)), "dr1", null, List.of()),
                "e_" + requestId,
                start.minus(Duration.ofDays(3)));
    }

    /** A consultation of the patient that ended at {@code endedAt}. */
    private static Appointment consultationEndedAt(String requestId, Instant endedAt) {
        Appointment c = consultation(requestId, "p_1", endedAt.minus(Duration.ofMinutes(45)));
        c.completeConsultation(true, ConsultationCompleted.VisitLevel.MODERATE, "e_done", endedAt);
        return c;
    }

    /** An infusion session of the patient at another site, stopped a minute after it started. */
    private static Appointment sessionStoppedAt(Instant startedAt) {
        Appointment s = Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_1",
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        6,
                        40,
                        60,
                        new BigDecimal("35"),
                        true),
                "p_1",
                "den",
                1,
                new Slot(startedAt, startedAt.plus(Duration.ofMinutes(100)), null, "den-1", List.of()),
                "e_s",
                startedAt.minus(Duration.ofDays(7)));
        s.checkIn(Duration.ofHours(2), Duration.ofMinutes(30), "e_in", startedAt.minus(Duration.ofMinutes(5)));
        s.start(startedAt);
        s.stop(SessionStopped.Reason.PATIENT_REQUEST, 0, null, "e_stop", startedAt.plus(Duration.ofMinutes(1)));
        return s;
    }

    private final Appointment today = consultation("req_today", "p_1", START);

    @Test
    void aPatientWithoutAnyServiceIsNew() {
        assertThat(NewPatientRule.isNew(today, List.of(today))).isTrue();
    }

    @Test
    void aConsultationCompletedTwoYearsBeforeMakesThePatientEstablished() {
        Appointment earlier = consultationEndedAt("req_old", START.minus(Duration.ofDays(730)));

        assertThat(NewPatientRule.isNew(today, List.of(earlier, today))).isFalse();
    }

    @Test
    void aServiceEndedExactlyThreeYearsBeforeStillCounts() {
        assertThat(NewPatientRule.isNew(today, List.of(consultationEndedAt("req_old", THREE_YEARS_BEFORE))))
                .isFalse();
    }

    @Test
    void aServiceEndedASecondOverThreeYearsBeforeNoLongerCounts() {
        Appointment longAgo = consultationEndedAt("req_old", THREE_YEARS_BEFORE.minusSeconds(1));

        assertThat(NewPatientRule.isNew(today, List.of(longAgo))).isTrue();
    }

    @Test
    void aStoppedInfusionSessionAtAnotherSiteCountsAsAService() {
        assertThat(NewPatientRule.isNew(today, List.of(sessionStoppedAt(START.minus(Duration.ofDays(40))))))
                .isFalse();
    }

    @Test
    void cancelledOrMissedAppointmentsAreNoService() {
        Appointment cancelled = consultation("req_c", "p_1", START.minus(Duration.ofDays(60)));
        cancelled.cancel(
                InfusionCancelled.Reason.PATIENT_REQUEST,
                Duration.ofHours(24),
                "e_c",
                START.minus(Duration.ofDays(61)));
        Appointment missed = consultation("req_m", "p_1", START.minus(Duration.ofDays(30)));
        missed.recordNoShow("e_m", START.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(40)));

        assertThat(NewPatientRule.isNew(today, List.of(cancelled, missed))).isTrue();
    }

    @Test
    void anotherPatientsServiceAndOneAfterTheStartDoNotCount() {
        Appointment someoneElse = consultation("req_x", "p_2", START.minus(Duration.ofDays(10)));
        someoneElse.completeConsultation(
                true, ConsultationCompleted.VisitLevel.MODERATE, "e_x", START.minus(Duration.ofDays(10)));
        Appointment later = consultationEndedAt("req_later", START.plus(Duration.ofDays(1)));

        assertThat(NewPatientRule.isNew(today, List.of(someoneElse, later))).isTrue();
    }
}
