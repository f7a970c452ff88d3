package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.EventJson;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SymptomScale;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How an infusion session ends: completed when the discharge checks pass or are overridden, or stopped. */
class SessionEndTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    /** 40 minutes infused and 60 observed: the patient may leave at 15:40. */
    private static final Instant MAY_LEAVE = START.plus(Duration.ofMinutes(100));

    private static final DischargePolicy POLICY = new DischargePolicy(
            Duration.ofMinutes(60),
            Duration.ofMinutes(120),
            Map.of(),
            Duration.ofMinutes(15),
            new DosePolicy(BigDecimal.TEN));

    private static final SessionOutcome PLANNED = outcome("35.0", SymptomScale.PHQ9, 12, true);

    private static SessionOutcome outcome(
            String doseMg, @Nullable SymptomScale scale, @Nullable Integer score, boolean escort) {
        return new SessionOutcome(new BigDecimal(doseMg), 40, 60, scale, score, escort, new BigDecimal("70.0"));
    }

    private static Appointment inProgress(int number, int sessions) {
        Appointment a = Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_1",
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        sessions,
                        40,
                        120,
                        new BigDecimal("35.0"),
                        true,
                        new BigDecimal("0.5")),
                "p_1",
                "bos",
                number,
                new Slot(
                        START,
                        START.plus(Duration.ofMinutes(165)),
                        null,
                        "bos-1",
                        List.of(Reservation.of(Reservation.chair("bos", "bos-1"), "bos", START, "apt"))),
                "evt_s",
                START.minus(Duration.ofDays(7)));
        a.checkIn(Duration.ofHours(2), Duration.ofMinutes(30), "evt_ci", START.minus(Duration.ofMinutes(20)));
        a.start(START);
        return a;
    }

    private static SessionSafety vitalsAt(Instant takenAt, String... openAlerts) {
        return new SessionSafety(takenAt, Set.of(openAlerts));
    }

    private static PendingEvent last(Appointment a) {
        return a.pendingEvents().get(a.pendingEvents().size() - 1);
    }

    @Test
    void completesWhenEveryCheckPassesWithTheDaysWeightAndNoOverride() {
        Appointment a = inProgress(1, 6);
        a.completeSession(PLANNED, vitalsAt(MAY_LEAVE.minusSeconds(300)), POLICY, null, false, "evt_done", MAY_LEAVE);

        assertThat(a.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(a.infusion().dischargeOverride()).isNull();
        SessionCompleted event = EventJson.read(last(a).body().getBytes(), SessionCompleted.class);
        assertThat(event.weightKg()).isEqualByComparingTo("70.0");
        assertThat(event.overriddenChecks()).isNull();
        assertThat(event.overriddenBy()).isNull();
        assertThat(event.startedAt()).isEqualTo(START);
        assertThat(event.completedAt()).isEqualTo(MAY_LEAVE);
    }

    @Test
    void refusesACompletionNamingEveryFailedCheckAndChangesNothing() {
        Appointment a = inProgress(1, 6);
        int events = a.pendingEvents().size();
        Instant early = START.plus(Duration.ofMinutes(50));

        assertThatThrownBy(() -> a.completeSession(
                        outcome("35.0", null, null, false),
                        new SessionSafety(null, Set.of("alert_1")),
                        POLICY,
                        null,
                        false,
                        "evt_done",
                        early))
                .isInstanceOfSatisfying(DischargeRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("OBSERVATION_TOO_SHORT");
                    assertThat(e.properties())
                            .containsEntry(
                                    "failedChecks",
                                    List.of("OBSERVATION_TOO_SHORT", "NO_RECENT_VITALS", "OPEN_ALERT", "NO_ESCORT"));
                    assertThat(e.getMessage()).contains("CLINICIAN", "override");
                });
        assertThat(a.status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(a.infusion().outcome()).isNull();
        assertThat(a.pendingEvents()).hasSize(events);
    }

    @Test
    void anOverrideCompletesRecordingWhichChecksWhoWhyAndWhenButTheEventCarriesNoReason() {
        Appointment a = inProgress(1, 6);
        Instant early = START.plus(Duration.ofMinutes(70));

        a.completeSession(
                outcome("50.0", null, null, true),
                SessionSafety.NOTHING_RECORDED,
                POLICY,
                new OverrideRequest("clinician-bos", "transferred to the ward for observation there"),
                false,
                "evt_done",
                early);

        assertThat(a.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(a.infusion().dischargeOverride())
                .isEqualTo(new DischargeOverride(
                        List.of(
                                DischargeCheck.OBSERVATION_TOO_SHORT,
                                DischargeCheck.NO_RECENT_VITALS,
                                DischargeCheck.DOSE_OFF_PLAN),
                        "clinician-bos",
                        "transferred to the ward for observation there",
                        early));
        String body = last(a).body();
        assertThat(body).doesNotContain("ward");
        SessionCompleted event = EventJson.read(body.getBytes(), SessionCompleted.class);
        assertThat(event.overriddenChecks())
                .containsExactly("OBSERVATION_TOO_SHORT", "NO_RECENT_VITALS", "DOSE_OFF_PLAN");
        assertThat(event.overriddenBy()).isEqualTo("clinician-bos");
    }

    @Test
    void anOverrideNeedsARecordableStaffIdAndAReason() {
        assertThatThrownBy(() -> new OverrideRequest("dr smith@clinic", "a good reason"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("STAFF_ID_NOT_RECORDABLE"));
        assertThatThrownBy(() -> new OverrideRequest("clinician-bos", "  ok "))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(new OverrideRequest("clinician-bos", "  observed on the ward  ").reason())
                .isEqualTo("observed on the ward");
    }

    @Test
    void anOverrideWhenEveryCheckPassesRecordsNothing() {
        Appointment a = inProgress(1, 6);
        a.completeSession(
                PLANNED,
                vitalsAt(MAY_LEAVE),
                POLICY,
                new OverrideRequest("clinician-bos", "just in case"),
                false,
                "evt_done",
                MAY_LEAVE);

        assertThat(a.infusion().dischargeOverride()).isNull();
        assertThat(last(a).body()).contains("\"overriddenChecks\":null", "\"overriddenBy\":null");
    }

    @Test
    void refusesASymptomScoreBeyondItsScaleEvenWithAnOverride() {
        Appointment a = inProgress(1, 6);
        assertThatThrownBy(() -> a.completeSession(
                        outcome("35.0", SymptomScale.PHQ9, 80, true),
                        vitalsAt(MAY_LEAVE),
                        POLICY,
                        new OverrideRequest("clinician-bos", "override everything"),
                        false,
                        "evt_done",
                        MAY_LEAVE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("between 0 and 27");
        assertThat(a.status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
    }

    @Test
    void stopsAnInfusionInProgressWithThePlansDoseProRataOfTheMinutesInfused() {
        Appointment a = inProgress(2, 6);
        Instant stoppedAt = START.plus(Duration.ofMinutes(22));
        a.stop(SessionStopped.Reason.ADVERSE_EVENT, 20, null, "evt_stop", stoppedAt);

        assertThat(a.status()).isEqualTo(AppointmentStatus.STOPPED);
        assertThat(a.status().holdsTime()).as("it keeps the time it used").isTrue();
        assertThat(a.infusion().sessionStop())
                .isEqualTo(new SessionStop(SessionStopped.Reason.ADVERSE_EVENT, 20, new BigDecimal("17.5"), stoppedAt));
        assertThat(last(a).type()).isEqualTo("clinic.session-stopped.v1");
        SessionStopped event = EventJson.read(last(a).body().getBytes(), SessionStopped.class);
        assertThat(event.doseMg()).isEqualByComparingTo("17.5");
        assertThat(event.infusionMinutes()).isEqualTo(20);
        assertThat(event.sessionNumber()).isEqualTo(2);
        assertThat(event.startedAt()).isEqualTo(START);
        assertThat(event.stoppedAt()).isEqualTo(stoppedAt);
    }

    @Test
    void aStopRecordsTheDoseGivenWhenOneIsRecorded() {
        Appointment a = inProgress(1, 6);
        a.stop(SessionStopped.Reason.EQUIPMENT, 0, new BigDecimal("2.5"), "evt_stop", START.plusSeconds(90));

        assertThat(EventJson.read(last(a).body().getBytes(), SessionStopped.class)
                        .doseMg())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void refusesMinutesBeyondThePlanOrBeyondTheTimeSinceTheStartWritingNothing() {
        Appointment a = inProgress(1, 6);
        int events = a.pendingEvents().size();
        Instant late = START.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> a.stop(SessionStopped.Reason.TRANSFER, 41, null, "e", late))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("infusionMinutes")
                .hasMessageContaining("between 0 and 40");
        assertThatThrownBy(
                        () -> a.stop(SessionStopped.Reason.TRANSFER, 11, null, "e", START.plus(Duration.ofMinutes(10))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("between 0 and 10");
        assertThatThrownBy(() -> a.stop(SessionStopped.Reason.TRANSFER, -1, null, "e", late))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(a.status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(a.pendingEvents()).hasSize(events);
    }

    @Test
    void onlyAnInfusionInProgressStopsAndAStoppedOneNeitherStopsNorCompletes() {
        Appointment scheduled = Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_2", Protocol.BOOSTER, Route.IV_INFUSION, 1, 40, 60, new BigDecimal("35.0"), false),
                "p_2",
                "bos",
                1,
                new Slot(START, START.plus(Duration.ofMinutes(105)), null, "bos-2", List.of()),
                "evt_s2",
                START.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> scheduled.stop(SessionStopped.Reason.PATIENT_REQUEST, 0, null, "e", START))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));

        Appointment stopped = inProgress(1, 6);
        stopped.stop(SessionStopped.Reason.PATIENT_REQUEST, 5, null, "e1", START.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> stopped.stop(SessionStopped.Reason.PATIENT_REQUEST, 5, null, "e2", MAY_LEAVE))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
        assertThatThrownBy(() ->
                        stopped.completeSession(PLANNED, vitalsAt(MAY_LEAVE), POLICY, null, false, "e3", MAY_LEAVE))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
    }
}
