package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

/** A consultation and an infusion session each keep their own part, and take only their own steps. */
class AppointmentKindsTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final Instant BOOKED = START.minus(Duration.ofDays(5));

    private static Appointment consultation() {
        return Appointment.scheduleConsultation(
                "req_k",
                "p_k",
                "bos",
                true,
                START.minus(Duration.ofDays(6)),
                new Slot(START, START.plus(Duration.ofMinutes(45)), "bos-dr1", null, List.of()),
                "evt_c",
                BOOKED);
    }

    private static Appointment session() {
        return Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_k", Protocol.DEPRESSION_INDUCTION, Route.IV_INFUSION, 6, 40, 60, BigDecimal.TEN, true),
                new SpacingPolicy(1, 3, true),
                "p_k",
                "bos",
                2,
                new Slot(START, START.plus(Duration.ofMinutes(165)), null, "bos-1", List.of()),
                "evt_s",
                BOOKED);
    }

    private static String code(Runnable step) {
        try {
            step.run();
        } catch (ConflictException refused) {
            return refused.code();
        }
        throw new AssertionError("the step was not refused");
    }

    @Test
    void eachKindKeepsOnlyItsOwnPart() {
        Appointment c = consultation();
        Appointment s = session();

        assertThat(c.details())
                .isEqualTo(
                        new ConsultationDetails("bos-dr1", "req_k", true, START.minus(Duration.ofDays(6)), null, null));
        assertThat(c.type()).isEqualTo(AppointmentType.CONSULTATION);
        assertThat(c.chairId()).isNull();
        assertThat(c.planId()).isNull();
        assertThat(s.infusion().planId()).isEqualTo("plan_k");
        assertThat(s.infusion().sessionsTotal()).isEqualTo(6);
        assertThat(s.infusion().spacing()).isEqualTo(new SpacingPolicy(1, 3, true));
        assertThat(s.type()).isEqualTo(AppointmentType.INFUSION);
        assertThat(s.clinicianId()).isNull();
    }

    @Test
    void aConsultationIsNeverPutOnHoldNorStoppedAsAnInfusion() {
        Appointment c = consultation();

        assertThat(code(() -> c.placeOnHold("evt_h", BOOKED))).isEqualTo("NOT_AN_INFUSION");
        assertThat(c.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(c.pendingEvents()).hasSize(1);

        // the status is checked first, as for any appointment
        assertThat(code(() -> c.stop(SessionStopped.Reason.ADVERSE_EVENT, 0, null, "evt_x", START)))
                .isEqualTo("ILLEGAL_TRANSITION");
        c.checkIn(Duration.ofHours(2), Duration.ofMinutes(30), "evt_ci", START);
        c.start(START);
        assertThat(code(() -> c.stop(SessionStopped.Reason.ADVERSE_EVENT, 0, null, "evt_x", START)))
                .isEqualTo("NOT_AN_INFUSION");
        assertThat(c.status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThatThrownBy(c::infusion).isInstanceOf(ConflictException.class);
    }

    @Test
    void aSessionIsNeverCompletedNorWithdrawnAsAConsultation() {
        Appointment s = session();

        assertThat(code(() -> s.completeConsultation(
                        true, ConsultationCompleted.VisitLevel.MODERATE, "evt_x", START.plusSeconds(60))))
                .isEqualTo("NOT_A_CONSULTATION");
        assertThat(code(() -> s.cancelForWithdrawnRequest(Duration.ofHours(24), "evt_x", BOOKED)))
                .isEqualTo("NOT_A_CONSULTATION");
        assertThat(s.status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(s.pendingEvents()).hasSize(1);
    }

    @Test
    void aMoveKeepsTheKindAndTakesTheNewSlotsPhysicianOrChair() {
        Appointment c = consultation();
        Appointment s = session();

        c.reschedule(
                new Slot(START.plusSeconds(3600), START.plusSeconds(6300), "bos-dr2", null, List.of()), "e1", BOOKED);
        s.reschedule(
                new Slot(START.plusSeconds(3600), START.plusSeconds(13500), null, "bos-2", List.of()), "e2", BOOKED);

        assertThat(c.consultation().clinicianId()).isEqualTo("bos-dr2");
        assertThat(c.consultation().requestId()).isEqualTo("req_k");
        assertThat(s.infusion().chairId()).isEqualTo("bos-2");
        assertThat(s.infusion().sessionNumber()).isEqualTo(2);
    }

    @Test
    void aHeldSessionReleasedWithoutTimeSaysWhyUntilItIsBookedAgain() {
        Appointment s = session();
        s.placeOnHold("evt_h", BOOKED);
        assertThat(s.pendingEvents().get(1).type()).isEqualTo("clinic.infusion-cancelled.v1");
        assertThat(s.cancelReason()).isEqualTo(InfusionCancelled.Reason.CLINICAL_HOLD.name());

        s.awaitTimeAfterRelease("SPACING", BOOKED);
        assertThat(s.infusion().holdReleased()).isTrue();
        assertThat(s.infusion().waitingReason()).isEqualTo("SPACING");

        s.releaseHold(
                new Slot(
                        START.plus(Duration.ofDays(2)),
                        START.plus(Duration.ofDays(2)).plusSeconds(9900),
                        null,
                        "bos-3",
                        List.of()),
                "evt_r",
                BOOKED);
        assertThat(s.infusion())
                .extracting(InfusionDetails::holdReleased, InfusionDetails::waitingReason, InfusionDetails::chairId)
                .containsExactly(false, null, "bos-3");
        assertThat(s.cancelReason()).isNull();
    }
}
