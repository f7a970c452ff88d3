package org.clinicops.intake.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.intake.plans.domain.TreatmentPlan;
import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.clinicops.intake.screening.domain.PriorTrial;
import org.clinicops.intake.screening.domain.ScreeningAnswers;
import org.clinicops.intake.screening.domain.ScreeningResult;
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

    static TreatmentPlan plan() {
        return new TreatmentPlan(
                "plan_1",
                Protocol.BOOSTER,
                Route.IV_INFUSION,
                1,
                0,
                0,
                true,
                40,
                120,
                new BigDecimal("0.5"),
                new BigDecimal("35.0"),
                true);
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
        ConsultationRequest request = submitted(Condition.TREATMENT_RESISTANT_DEPRESSION);
        request.consultationScheduled("apt_1", NOW.plusSeconds(3600), NOW);

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
        ConsultationRequest request = submitted(Condition.ANXIETY);
        request.consultationScheduled("apt_1", NOW, NOW);
        request.screen(eligible(), "evt_2", NOW);

        request.consultationScheduled("apt_1", NOW, NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.SCREENED);
    }

    @Test
    void acceptsAnEligiblePatientAndRaisesThePlan() {
        ConsultationRequest request = submitted(Condition.TREATMENT_RESISTANT_DEPRESSION);
        request.consultationScheduled("apt_1", NOW, NOW);
        request.screen(eligible(), "evt_2", NOW);

        request.accept(plan(), "dr-1", false, null, "evt_3", NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(request.pendingEvents())
                .extracting(e -> e.type())
                .containsExactly(
                        "clinic.consultation-requested.v1",
                        "clinic.patient-screened.v1",
                        "clinic.treatment-plan-approved.v1");
    }

    @Test
    void aDecidedRequestCanNeitherBeDecidedAgainNorWithdrawn() {
        ConsultationRequest request = submitted(Condition.TREATMENT_RESISTANT_DEPRESSION);
        request.consultationScheduled("apt_1", NOW, NOW);
        request.screen(eligible(), "evt_2", NOW);
        request.decline(TreatmentDeclined.Decision.REFERRED_OUT, "dr-1", "PSYCHOTHERAPY_FIRST", "evt_3", NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.REFERRED_OUT);
        assertThatThrownBy(() -> request.accept(plan(), "dr-1", false, null, "evt_4", NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> request.withdraw(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void withdrawsFromEveryOpenStatus() {
        ConsultationRequest requested = submitted(Condition.ANXIETY);
        requested.withdraw(NOW);
        ConsultationRequest scheduled = submitted(Condition.ANXIETY);
        scheduled.consultationScheduled("apt_1", NOW, NOW);
        scheduled.withdraw(NOW);
        ConsultationRequest screened = submitted(Condition.ANXIETY);
        screened.consultationScheduled("apt_1", NOW, NOW);
        screened.screen(eligible(), "evt_2", NOW);
        screened.withdraw(NOW);

        assertThat(List.of(requested.status(), scheduled.status(), screened.status()))
                .containsOnly(RequestStatus.WITHDRAWN);
    }
}
