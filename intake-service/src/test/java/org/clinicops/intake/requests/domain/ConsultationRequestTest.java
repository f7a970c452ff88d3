package org.clinicops.intake.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.EventJson;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.intake.plans.domain.PlanChoice;
import org.clinicops.intake.plans.domain.ProtocolFixtures;
import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.clinicops.intake.screening.domain.PriorTrial;
import org.clinicops.intake.screening.domain.ScreeningAnswers;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class ConsultationRequestTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final EligibilityPolicy POLICY = new EligibilityPolicy(ContraindicationPolicy.standard(), 33);

    static ConsultationRequest submitted(Condition condition) {
        return ConsultationRequest.submit(
                "req_1", "p_1", "den", condition, ReferralSource.SELF, PayerType.SELF_PAY, "evt_1", NOW);
    }

    static ScreeningResult eligible() {
        return POLICY.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                new ScreeningAnswers(
                        List.of(2, 2, 2, 2, 2, 2, 2, 2, 0),
                        null,
                        null,
                        null,
                        List.of(new PriorTrial("a", true, false), new PriorTrial("b", true, false)),
                        Set.of(),
                        List.of(),
                        new BigDecimal("70")));
    }

    static final PlanChoice BOOSTER = new PlanChoice(Protocol.BOOSTER, null, null, null);

    /** A request whose consultation was booked and the patient checked in at {@code checkedInAt}. */
    static ConsultationRequest checkedIn(Condition condition, Instant checkedInAt) {
        ConsultationRequest request = submitted(condition);
        request.consultationScheduled("apt_1", checkedInAt.plusSeconds(600), NOW);
        request.consultationCheckedIn("apt_1", checkedInAt, NOW);
        return request;
    }

    /** A request screened eligible at its consultation, which is completed. */
    static ConsultationRequest consulted() {
        ConsultationRequest request = checkedIn(Condition.TREATMENT_RESISTANT_DEPRESSION, NOW);
        request.screen(eligible(), "evt_2", NOW);
        request.consultationCompleted("apt_1", NOW.plusSeconds(600), NOW.plusSeconds(3600), NOW.plusSeconds(3600));
        return request;
    }

    static void accept(ConsultationRequest request) {
        request.accept("plan_1", BOOSTER, ProtocolFixtures.BOOSTER, "dr-1", false, null, "evt_3", NOW);
    }

    static void assertConflict(Runnable change, String code) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aNewRequestRaisesConsultationRequested() {
        ConsultationRequest request = submitted(Condition.ANXIETY);

        assertThat(request.status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(request.urgent()).isFalse();
        assertThat(request.pendingEvents())
                .singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo("clinic.consultation-requested.v1"));
    }

    @Test
    void suicidalIdeationIsUrgentFromTheStart() {
        assertThat(submitted(Condition.SUICIDAL_IDEATION).urgent()).isTrue();
    }

    @Test
    void aSelfHarmAnswerAtScreeningMakesTheRequestUrgent() {
        ConsultationRequest request = checkedIn(Condition.TREATMENT_RESISTANT_DEPRESSION, NOW);

        request.screen(
                POLICY.screen(
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        new ScreeningAnswers(
                                List.of(2, 2, 2, 2, 2, 2, 2, 2, 1),
                                null,
                                null,
                                null,
                                List.of(),
                                Set.of(),
                                List.of(),
                                null)),
                "evt_2",
                NOW);

        assertThat(request.urgent()).isTrue();
    }

    @Test
    void screeningNeedsAScheduledConsultation() {
        ConsultationRequest request = submitted(Condition.ANXIETY);

        assertThatThrownBy(() -> request.screen(eligible(), "evt_2", NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("REQUESTED");
    }

    @Test
    void aRepeatedOrLateSchedulingEventDoesNotMoveTheRequestBack() {
        ConsultationRequest request = checkedIn(Condition.ANXIETY, NOW);
        request.screen(eligible(), "evt_2", NOW);

        request.consultationScheduled("apt_1", NOW, NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.SCREENED);
        assertThat(request.consultationStatus()).isEqualTo(ConsultationStatus.CHECKED_IN);
    }

    @Test
    void acceptsAnEligiblePatientAndRaisesThePlan() {
        ConsultationRequest request = consulted();

        accept(request);

        assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(request.decision().plan().doseMg()).isEqualByComparingTo("35.0"); // 0.5 mg/kg × 70 kg
        assertThat(request.pendingEvents())
                .extracting(e -> e.type())
                .containsExactly(
                        "clinic.consultation-requested.v1",
                        "clinic.patient-screened.v1",
                        "clinic.treatment-plan-approved.v1");
    }

    @Test
    void aDecidedRequestCanNeitherBeDecidedAgainNorWithdrawn() {
        ConsultationRequest request = consulted();
        request.decline(TreatmentDeclined.Decision.REFERRED_OUT, "dr-1", "PSYCHOTHERAPY_FIRST", "evt_3", NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.REFERRED_OUT);
        assertThatThrownBy(() -> accept(request)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> request.withdraw(null, "evt_4", NOW)).isInstanceOf(ConflictException.class);
        assertThat(request.pendingEvents())
                .extracting(PendingEvent::type)
                .doesNotContain("clinic.consultation-request-withdrawn.v1");
    }

    @Test
    void withdrawsFromEveryOpenStatus() {
        ConsultationRequest requested = submitted(Condition.ANXIETY);
        requested.withdraw(null, "evt_w1", NOW);
        ConsultationRequest scheduled = submitted(Condition.ANXIETY);
        scheduled.consultationScheduled("apt_1", NOW, NOW);
        scheduled.withdraw(ConsultationRequestWithdrawn.Reason.COST, "evt_w2", NOW);
        ConsultationRequest screened = checkedIn(Condition.ANXIETY, NOW);
        screened.screen(eligible(), "evt_2", NOW);
        screened.withdraw(ConsultationRequestWithdrawn.Reason.TREATED_ELSEWHERE, "evt_w3", NOW);

        assertThat(List.of(requested.status(), scheduled.status(), screened.status()))
                .containsOnly(RequestStatus.WITHDRAWN);
    }

    @Test
    void aWithdrawalRaisesConsultationRequestWithdrawnOnceWithItsReasonAndTime() {
        ConsultationRequest request = submitted(Condition.OCD);
        request.consultationScheduled("apt_1", NOW.plusSeconds(86_400), NOW);
        Instant withdrawnAt = NOW.plusSeconds(3600);

        request.withdraw(ConsultationRequestWithdrawn.Reason.TREATED_ELSEWHERE, "evt_w", withdrawnAt);
        assertConflict(() -> request.withdraw(null, "evt_w2", withdrawnAt.plusSeconds(60)), "ILLEGAL_TRANSITION");

        List<PendingEvent> withdrawals = request.pendingEvents().stream()
                .filter(e -> e.type().equals("clinic.consultation-request-withdrawn.v1"))
                .toList();
        assertThat(withdrawals).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("evt_w");
            assertThat(e.occurredAt()).isEqualTo(withdrawnAt);
            assertThat(e.key()).isEqualTo("p_1");
            assertThat(EventJson.read(e.body().getBytes(StandardCharsets.UTF_8), ConsultationRequestWithdrawn.class))
                    .isEqualTo(new ConsultationRequestWithdrawn(
                            "req_1", "p_1", "den", ConsultationRequestWithdrawn.Reason.TREATED_ELSEWHERE, withdrawnAt));
        });
        assertThat(request.withdrawnAt()).isEqualTo(withdrawnAt);
        assertThat(request.withdrawReason()).isEqualTo(ConsultationRequestWithdrawn.Reason.TREATED_ELSEWHERE);
    }

    // consultation first

    @Test
    void refusesScreeningBeforeTheConsultationsCheckIn() {
        ConsultationRequest request = submitted(Condition.ANXIETY);
        request.consultationScheduled("apt_1", NOW.plusSeconds(3600), NOW);

        assertConflict(() -> request.screen(eligible(), "evt_2", NOW), "CONSULTATION_NOT_CHECKED_IN");
        assertThat(request.screening()).isNull();
        assertThat(request.status()).isEqualTo(RequestStatus.CONSULTATION_SCHEDULED);
        assertThat(request.pendingEvents()).hasSize(1);
    }

    @Test
    void screensAtTheCheckInButNotBeforeIt() {
        ConsultationRequest early = checkedIn(Condition.ANXIETY, NOW);
        ConsultationRequest onTime = checkedIn(Condition.ANXIETY, NOW);

        assertConflict(() -> early.screen(eligible(), "evt_2", NOW.minusMillis(1)), "CONSULTATION_NOT_CHECKED_IN");
        onTime.screen(eligible(), "evt_2", NOW);

        assertThat(early.screening()).isNull();
        assertThat(onTime.status()).isEqualTo(RequestStatus.SCREENED);
    }

    @Test
    void refusesTheDecisionBeforeTheConsultationIsCompleted() {
        ConsultationRequest request = checkedIn(Condition.TREATMENT_RESISTANT_DEPRESSION, NOW);
        request.screen(eligible(), "evt_2", NOW);

        assertConflict(() -> accept(request), "CONSULTATION_NOT_COMPLETED");
        assertConflict(
                () -> request.decline(TreatmentDeclined.Decision.DECLINED, "dr-1", "PATIENT_CHOICE", "evt_3", NOW),
                "CONSULTATION_NOT_COMPLETED");
        assertThat(request.status()).isEqualTo(RequestStatus.SCREENED);
        assertThat(request.decision()).isNull();
        assertThat(request.pendingEvents()).hasSize(2);
    }

    @Test
    void takesTheConsultationEventsInAnyOrderAndKeepsTheFurthestState() {
        Instant checkIn = NOW.plusSeconds(3000);
        Instant completedAt = NOW.plusSeconds(6000);
        ConsultationRequest request = submitted(Condition.ANXIETY);

        request.consultationCompleted("apt_1", NOW.plusSeconds(3600), completedAt, NOW);
        request.consultationCheckedIn("apt_1", checkIn, NOW);
        request.consultationScheduled("apt_1", NOW.plusSeconds(3600), NOW);
        request.consultationCheckedIn("apt_1", checkIn, NOW);
        request.consultationCompleted("apt_1", NOW.plusSeconds(3600), completedAt.plusSeconds(60), NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.CONSULTATION_SCHEDULED);
        assertThat(request.consultationStatus()).isEqualTo(ConsultationStatus.COMPLETED);
        assertThat(request.consultationCheckedInAt()).isEqualTo(checkIn);
        assertThat(request.consultationCompletedAt()).isEqualTo(completedAt);
        assertThat(request.consultationAt()).isEqualTo(NOW.plusSeconds(3600));
        request.screen(eligible(), "evt_2", completedAt);
        assertThat(request.status()).isEqualTo(RequestStatus.SCREENED);
    }

    @Test
    void aCheckInFirstStillBooksTheRequest() {
        ConsultationRequest request = submitted(Condition.ANXIETY);

        request.consultationCheckedIn("apt_1", NOW, NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.CONSULTATION_SCHEDULED);
        assertThat(request.consultationStatus()).isEqualTo(ConsultationStatus.CHECKED_IN);
        assertThat(request.appointmentId()).isEqualTo("apt_1");
    }

    // dose

    @Test
    void refusesAPlanAboveTheSessionCeilingAndChangesNothing() {
        ConsultationRequest request = submitted(Condition.TREATMENT_RESISTANT_DEPRESSION);
        request.consultationCheckedIn("apt_1", NOW, NOW);
        request.screen(
                POLICY.screen(
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        new ScreeningAnswers(
                                List.of(2, 2, 2, 2, 2, 2, 2, 2, 0),
                                null,
                                null,
                                null,
                                List.of(new PriorTrial("a", true, false), new PriorTrial("b", true, false)),
                                Set.of(),
                                List.of(),
                                new BigDecimal("350"))),
                "evt_2",
                NOW);
        request.consultationCompleted("apt_1", NOW, NOW, NOW);

        assertConflict(() -> accept(request), "DOSE_ABOVE_SESSION_MAXIMUM");
        assertThat(request.status()).isEqualTo(RequestStatus.SCREENED);
        assertThat(request.decision()).isNull();
        assertThat(request.pendingEvents()).hasSize(2);
    }

    @Test
    void anEsketaminePlanCarriesItsFixedDoseAndNoDosePerKilogram() {
        ConsultationRequest request = consulted();

        request.accept(
                "plan_1",
                new PlanChoice(Protocol.ESKETAMINE_INDUCTION, null, null, new BigDecimal("84")),
                ProtocolFixtures.NASAL,
                "dr-1",
                false,
                null,
                "evt_3",
                NOW);

        assertThat(request.decision().plan().doseMg()).isEqualByComparingTo("84.0");
        assertThat(request.decision().plan().doseMgPerKg()).isNull();
        assertThat(request.pendingEvents().get(2).body()).contains("\"doseMg\":\"84.0\"", "\"doseMgPerKg\":\"0\"");
    }
}
