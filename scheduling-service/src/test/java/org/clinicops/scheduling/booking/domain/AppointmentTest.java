package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SymptomScale;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class AppointmentTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final Duration CHECK_IN_OPENS = Duration.ofHours(2);
    private static final Duration CHECK_IN_CLOSES = Duration.ofMinutes(30);
    private static final Duration LATE = Duration.ofHours(24);
    private static final SessionOutcome WITH_ESCORT =
            new SessionOutcome(new BigDecimal("35.0"), 40, 120, SymptomScale.PHQ9, 12, true, new BigDecimal("70.0"));
    private static final DischargePolicy DISCHARGE = new DischargePolicy(
            Duration.ofMinutes(60),
            Duration.ofMinutes(120),
            java.util.Map.of(),
            Duration.ofMinutes(15),
            new DosePolicy(BigDecimal.TEN));
    /** After 40 minutes infused and 60 observed, with vitals taken then. */
    private static final Instant DISCHARGE_TIME = START.plus(Duration.ofMinutes(100));

    private static final SessionSafety VITALS_AT_DISCHARGE = new SessionSafety(DISCHARGE_TIME, java.util.Set.of());

    private static Slot slot(Instant start, String chair) {
        return new Slot(
                start,
                start.plus(Duration.ofMinutes(165)),
                null,
                chair,
                List.of(Reservation.of(Reservation.chair("bos", chair), "bos", start, "apt")));
    }

    private static Appointment session(int number, boolean escortRequired) {
        return Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_1",
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        6,
                        40,
                        120,
                        new BigDecimal("35"),
                        escortRequired),
                "p_1",
                "bos",
                number,
                slot(START, "bos-1"),
                "evt_s",
                START.minus(Duration.ofDays(7)));
    }

    private static List<String> eventTypes(Appointment a) {
        return a.pendingEvents().stream().map(PendingEvent::type).toList();
    }

    @Test
    void schedulingASessionRaisesInfusionScheduledWithItsNumberInTheSeries() {
        Appointment a = session(2, true);

        assertThat(a.id()).isEqualTo("apt_s_plan_1_2");
        assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(eventTypes(a)).containsExactly("clinic.infusion-scheduled.v1");
        assertThat(a.pendingEvents().get(0).body()).contains("\"sessionNumber\":2", "\"sessionsTotal\":6");
    }

    @Test
    void runsCheckInStartAndCompleteRaisingSessionCompleted() {
        Appointment a = session(6, true);
        a.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "evt_ci", START.minus(Duration.ofMinutes(30)));
        a.start(START);
        a.completeSession(WITH_ESCORT, VITALS_AT_DISCHARGE, DISCHARGE, null, true, "evt_done", DISCHARGE_TIME);

        assertThat(a.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(eventTypes(a)).endsWith("clinic.session-completed.v1");
        assertThat(a.pendingEvents().get(1).body()).contains("\"courseCompleted\":true", "\"symptomScore\":12");
    }

    @Test
    void opensCheckInTwoHoursBeforeTheStart() {
        Appointment a = session(1, true);

        assertThatThrownBy(() -> a.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "evt_ci", START.minus(Duration.ofHours(3))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("check-in opens");
        a.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "evt_ci", START.minus(Duration.ofHours(2)));
        assertThat(a.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
    }

    @Test
    void refusesIllegalSteps() {
        Appointment a = session(1, true);

        assertThatThrownBy(() -> a.start(START)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(
                        () -> a.completeSession(WITH_ESCORT, VITALS_AT_DISCHARGE, DISCHARGE, null, false, "e", START))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("ILLEGAL_TRANSITION"));
        a.cancel(InfusionCancelled.Reason.PATIENT_REQUEST, LATE, "e", START.minus(Duration.ofDays(3)));
        assertThatThrownBy(() -> a.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "evt_ci", START))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> a.recordNoShow("e", START.plusSeconds(60))).isInstanceOf(ConflictException.class);
    }

    @Test
    void refusesDischargeWithoutEscortUnlessTheProtocolAllowsIt() {
        SessionOutcome alone =
                new SessionOutcome(new BigDecimal("35.0"), 40, 120, null, null, false, new BigDecimal("70.0"));
        Appointment strict = session(1, true);
        strict.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "evt_ci", START);
        strict.start(START);
        assertThatThrownBy(() ->
                        strict.completeSession(alone, VITALS_AT_DISCHARGE, DISCHARGE, null, false, "e", DISCHARGE_TIME))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("NO_ESCORT"));

        Appointment lenient = session(1, false);
        lenient.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "evt_ci", START);
        lenient.start(START);
        lenient.completeSession(alone, VITALS_AT_DISCHARGE, DISCHARGE, null, false, "e", DISCHARGE_TIME);
        assertThat(lenient.status()).isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void marksACancellationUnder24HoursLateOnTheAppointmentAndItsEvent() {
        Appointment early = session(1, true);
        early.cancel(InfusionCancelled.Reason.PATIENT_REQUEST, LATE, "e1", START.minus(Duration.ofHours(25)));
        assertThat(early.late()).isFalse();

        Appointment late = session(2, true);
        late.cancel(InfusionCancelled.Reason.ILLNESS, LATE, "e2", START.minus(Duration.ofHours(23)));
        assertThat(late.late()).isTrue();
        assertThat(late.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(late.reservationIds()).isEmpty();
        assertThat(late.pendingEvents().get(1).body())
                .contains("\"late\":true", "\"reason\":\"ILLNESS\"", "\"onHold\":false");
    }

    @Test
    void recordsANoShowOnlyAfterTheStart() {
        Appointment a = session(1, true);
        assertThatThrownBy(() -> a.recordNoShow("e", START.minusSeconds(60))).isInstanceOf(ConflictException.class);

        a.recordNoShow("e", START.plus(Duration.ofMinutes(20)));
        assertThat(a.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(eventTypes(a)).endsWith("clinic.patient-no-show.v1");
    }

    @Test
    void reschedulingAnInfusionRaisesInfusionRescheduledWithThePreviousStart() {
        Appointment a = session(1, true);
        Instant later = START.plus(Duration.ofDays(1));
        a.reschedule(slot(later, "bos-2"), "e", START.minus(Duration.ofDays(2)));

        assertThat(a.startsAt()).isEqualTo(later);
        assertThat(a.chairId()).isEqualTo("bos-2");
        assertThat(eventTypes(a)).endsWith("clinic.infusion-rescheduled.v1");
        assertThat(a.pendingEvents().get(1).body()).contains("\"previousStartsAt\":\"" + START + "\"");
    }

    @Test
    void aClinicalHoldFreesTheChairAndItsReleaseBooksTheSessionAgain() {
        Appointment a = session(3, true);
        a.placeOnHold("e1", START.minus(Duration.ofDays(2)));

        assertThat(a.status()).isEqualTo(AppointmentStatus.ON_HOLD);
        assertThat(a.reservationIds()).isEmpty();
        assertThat(a.pendingEvents().get(1).body()).contains("\"reason\":\"CLINICAL_HOLD\"", "\"onHold\":true");

        a.releaseHold(slot(START.plus(Duration.ofDays(5)), "bos-1"), "e2", START);
        assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(eventTypes(a)).endsWith("clinic.infusion-rescheduled.v1");
    }

    @Test
    void aReleasedSessionWithoutFreeTimeStaysOnHoldMarkedReleased() {
        Appointment a = session(4, true);
        a.placeOnHold("e1", START.minus(Duration.ofDays(2)));
        a.awaitTimeAfterRelease(START.minus(Duration.ofDays(1)));

        assertThat(a.status()).isEqualTo(AppointmentStatus.ON_HOLD);
        assertThat(a.infusion().holdReleased()).isTrue();
        a.releaseHold(slot(START.plus(Duration.ofDays(9)), "bos-1"), "e2", START);
        assertThat(a.infusion().holdReleased()).isFalse();
        assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    private static Appointment consultation() {
        Slot slot = new Slot(START, START.plus(Duration.ofMinutes(45)), "dr1", null, List.of());
        return Appointment.scheduleConsultation(
                "req_1",
                "p_1",
                "bos",
                true,
                START.minus(Duration.ofDays(1)),
                slot,
                "e1",
                START.minus(Duration.ofDays(1)));
    }

    private static <T extends org.clinicops.events.ClinicEvent> T onlyEvent(Appointment a, Class<T> type) {
        String wanted = org.clinicops.events.EventType.of(type).type();
        List<PendingEvent> events =
                a.pendingEvents().stream().filter(e -> e.type().equals(wanted)).toList();
        assertThat(events).as(wanted).hasSize(1);
        return org.clinicops.events.EventJson.read(
                events.get(0).body().getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    @Test
    void completingAConsultationRaisesConsultationCompletedWithTheNewPatientFlagAndLevel() {
        Appointment c = consultation();

        assertThat(c.id()).isEqualTo("apt_c_req_1");
        assertThat(eventTypes(c)).containsExactly("clinic.consultation-scheduled.v1");
        c.completeConsultation(false, ConsultationCompleted.VisitLevel.HIGH, "e2", START.plus(Duration.ofMinutes(45)));
        assertThatThrownBy(() -> c.completeConsultation(
                        true, ConsultationCompleted.VisitLevel.MODERATE, "e3", START.plus(Duration.ofMinutes(46))))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));

        assertThat(eventTypes(c)).endsWith("clinic.consultation-completed.v1");
        assertThat(onlyEvent(c, ConsultationCompleted.class))
                .isEqualTo(new ConsultationCompleted(
                        "apt_c_req_1",
                        "req_1",
                        "p_1",
                        "bos",
                        "dr1",
                        START,
                        START.plus(Duration.ofMinutes(45)),
                        false,
                        ConsultationCompleted.VisitLevel.HIGH));
        assertThat(c.consultation().newPatient()).isFalse();
    }

    @Test
    void cancellingAConsultationRaisesConsultationCancelledOnceAndLateUnderTheWindow() {
        Appointment c = consultation();
        Instant now = START.minus(Duration.ofHours(3));

        c.cancel(InfusionCancelled.Reason.ILLNESS, LATE, "e2", now);
        assertThatThrownBy(() -> c.cancel(InfusionCancelled.Reason.ILLNESS, LATE, "e3", now))
                .isInstanceOf(ConflictException.class);

        assertThat(c.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(eventTypes(c)).doesNotContain("clinic.infusion-cancelled.v1");
        assertThat(onlyEvent(c, ConsultationCancelled.class))
                .isEqualTo(new ConsultationCancelled(
                        "apt_c_req_1",
                        "req_1",
                        "p_1",
                        "bos",
                        "dr1",
                        START,
                        ConsultationCancelled.Reason.ILLNESS,
                        true,
                        now));
    }

    @Test
    void aConsultationIsNeverCancelledForAClinicalHold() {
        Appointment c = consultation();

        assertThatThrownBy(() -> c.cancel(InfusionCancelled.Reason.CLINICAL_HOLD, LATE, "e2", START))
                .isInstanceOf(org.clinicops.platform.problem.InvalidRequestException.class);
        assertThat(c.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(eventTypes(c)).containsExactly("clinic.consultation-scheduled.v1");
    }

    @Test
    void aMissedConsultationRaisesConsultationNoShowOnceAfterItsStart() {
        Appointment c = consultation();

        assertThatThrownBy(() -> c.recordNoShow("e1", START.minusSeconds(1)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("TOO_EARLY"));
        c.recordNoShow("e2", START.plus(CHECK_IN_CLOSES));
        assertThatThrownBy(() -> c.recordNoShow("e3", START.plus(Duration.ofHours(1))))
                .isInstanceOf(ConflictException.class);

        assertThat(c.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(eventTypes(c)).doesNotContain("clinic.patient-no-show.v1");
        assertThat(onlyEvent(c, ConsultationNoShow.class))
                .isEqualTo(new ConsultationNoShow(
                        "apt_c_req_1", "req_1", "p_1", "bos", "dr1", START, START.plus(CHECK_IN_CLOSES)));
    }

    @Test
    void aWithdrawnRequestsConsultationIsCancelledOnceUnlessItIsUnderWayOrOver() {
        Appointment scheduled = consultation();
        Instant now = START.minus(Duration.ofDays(2));

        assertThat(scheduled.cancelForWithdrawnRequest(LATE, "e2", now)).isTrue();
        assertThat(scheduled.cancelForWithdrawnRequest(LATE, "e3", now)).isFalse();
        assertThat(scheduled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(scheduled.cancelReason()).isEqualTo("REQUEST_WITHDRAWN");
        assertThat(scheduled.reservationIds()).isEmpty();
        ConsultationCancelled cancelled = onlyEvent(scheduled, ConsultationCancelled.class);
        assertThat(cancelled.reason()).isEqualTo(ConsultationCancelled.Reason.REQUEST_WITHDRAWN);
        assertThat(cancelled.late()).isFalse();

        Appointment underWay = consultation();
        underWay.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "e2", START.minus(Duration.ofMinutes(5)));
        underWay.start(START);
        assertThat(underWay.cancelForWithdrawnRequest(LATE, "e3", START.plus(Duration.ofMinutes(5))))
                .isFalse();
        assertThat(underWay.status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(eventTypes(underWay)).doesNotContain("clinic.consultation-cancelled.v1");

        Appointment checkedIn = consultation();
        checkedIn.checkIn(CHECK_IN_OPENS, CHECK_IN_CLOSES, "e2", START.minus(Duration.ofMinutes(5)));
        assertThat(checkedIn.cancelForWithdrawnRequest(LATE, "e3", START.minus(Duration.ofMinutes(4))))
                .isTrue();
        assertThat(onlyEvent(checkedIn, ConsultationCancelled.class).late()).isTrue();
    }

    @Test
    void anInfusionSessionIsNotCancelledForAWithdrawnRequest() {
        Appointment a = session(1, true);

        assertThatThrownBy(() -> a.cancelForWithdrawnRequest(LATE, "e2", START.minus(Duration.ofDays(2))))
                .isInstanceOf(ConflictException.class);
        assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
    }
}
