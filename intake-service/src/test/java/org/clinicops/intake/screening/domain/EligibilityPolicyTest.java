package org.clinicops.intake.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.PatientScreened.Eligibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityPolicyTest {

    static final List<Integer> MODERATELY_SEVERE = List.of(2, 2, 2, 2, 2, 2, 2, 3, 0);
    static final List<PriorTrial> TWO_FAILED =
            List.of(new PriorTrial("sertraline", true, false), new PriorTrial("venlafaxine", true, false));

    final EligibilityPolicy policy = new EligibilityPolicy(ContraindicationPolicy.standard(), 33);

    static ScreeningAnswers answers(
            List<Integer> phq9, List<PriorTrial> trials, Set<Contraindication> contraindications) {
        return new ScreeningAnswers(
                phq9,
                null,
                null,
                null,
                trials,
                contraindications,
                List.of("sertraline 100 mg"),
                new BigDecimal("72.5"));
    }

    @Test
    void findsATreatmentResistantDepressedPatientWithoutContraindicationsEligible() {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION, answers(MODERATELY_SEVERE, TWO_FAILED, Set.of()));

        assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(result.reasons()).isEmpty();
        assertThat(result.phq9()).isEqualTo(new ScaleScore(17, Band.MODERATELY_SEVERE));
        assertThat(result.treatmentResistant()).isTrue();
    }

    @Test
    void oneFailedTrialIsNotTreatmentResistance() {
        var oneFailed = List.of(new PriorTrial("sertraline", true, false), new PriorTrial("bupropion", false, false));

        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION, answers(MODERATELY_SEVERE, oneFailed, Set.of()));

        assertThat(result.treatmentResistant()).isFalse();
        assertThat(result.eligibility()).isEqualTo(Eligibility.NEEDS_REVIEW);
        assertThat(result.reasons()).containsExactly("NOT_TREATMENT_RESISTANT");
    }

    @Test
    void trialsThatBroughtReliefOrWereInadequateDoNotCount() {
        assertThat(TreatmentResistance.isTreatmentResistant(List.of(
                        new PriorTrial("a", true, true),
                        new PriorTrial("b", false, false),
                        new PriorTrial("c", true, false))))
                .isFalse();
        assertThat(TreatmentResistance.isTreatmentResistant(TWO_FAILED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Contraindication.class,
            names = {
                "ANEURYSMAL_VASCULAR_DISEASE",
                "ARTERIOVENOUS_MALFORMATION",
                "INTRACEREBRAL_HEMORRHAGE_HISTORY",
                "RAISED_INTRACRANIAL_PRESSURE",
                "ACTIVE_PSYCHOSIS",
                "SCHIZOPHRENIA",
                "PREGNANCY"
            })
    void excludesTreatmentForAnExcludingContraindication(Contraindication contraindication) {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(MODERATELY_SEVERE, TWO_FAILED, Set.of(contraindication)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(result.excluding()).containsExactly(contraindication);
        assertThat(result.reasons()).containsExactly("CONTRAINDICATION_" + contraindication.name());
    }

    @ParameterizedTest
    @EnumSource(
            value = Contraindication.class,
            names = {
                "POORLY_CONTROLLED_HYPERTENSION",
                "CARDIOVASCULAR_DISEASE",
                "SEVERE_LIVER_IMPAIRMENT",
                "RAISED_INTRAOCULAR_PRESSURE",
                "ACTIVE_SUBSTANCE_MISUSE"
            })
    void asksForReviewForAReviewContraindication(Contraindication contraindication) {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(MODERATELY_SEVERE, TWO_FAILED, Set.of(contraindication)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.NEEDS_REVIEW);
        assertThat(result.needsReview()).containsExactly(contraindication);
    }

    @Test
    void theWeightOfAContraindicationIsConfiguration() {
        var strict = new EligibilityPolicy(
                new ContraindicationPolicy(Map.of(
                        Contraindication.POORLY_CONTROLLED_HYPERTENSION, ContraindicationPolicy.Weight.EXCLUDES)),
                33);

        ScreeningResult result = strict.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(MODERATELY_SEVERE, TWO_FAILED, Set.of(Contraindication.POORLY_CONTROLLED_HYPERTENSION)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
    }

    @Test
    void anExcludingContraindicationWinsOverReviewReasons() {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(
                        MODERATELY_SEVERE,
                        List.of(),
                        Set.of(Contraindication.PREGNANCY, Contraindication.CARDIOVASCULAR_DISEASE)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(result.reasons()).containsExactly("CONTRAINDICATION_PREGNANCY");
        assertThat(result.needsReview()).containsExactly(Contraindication.CARDIOVASCULAR_DISEASE);
    }

    @Test
    void thoughtsOfSelfHarmNeedAClinicianReview() {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(List.of(2, 2, 2, 2, 2, 2, 2, 2, 1), TWO_FAILED, Set.of()));

        assertThat(result.selfHarmFlag()).isTrue();
        assertThat(result.eligibility()).isEqualTo(Eligibility.NEEDS_REVIEW);
        assertThat(result.reasons()).containsExactly("SELF_HARM_RISK");
    }

    @Test
    void minimalDepressiveSymptomsNeedReview() {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(List.of(1, 1, 1, 1, 0, 0, 0, 0, 0), TWO_FAILED, Set.of()));

        assertThat(result.phq9().band()).isEqualTo(Band.MINIMAL);
        assertThat(result.reasons()).containsExactly("SYMPTOMS_MINIMAL");
    }

    @Test
    void chronicPainNeedsNoAntidepressantTrials() {
        var painAnswers = new ScreeningAnswers(
                List.of(1, 1, 1, 1, 1, 0, 0, 0, 0),
                null,
                null,
                8,
                List.of(),
                Set.of(),
                List.of(),
                new BigDecimal("80"));

        ScreeningResult result = policy.screen(Condition.CRPS, painAnswers);

        assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(result.painNrs()).isEqualTo(8);
    }

    @Test
    void ptsdBelowThePcl5CutPointNeedsReview() {
        var below = new ScreeningAnswers(
                MODERATELY_SEVERE,
                null,
                ScaleScoringTest.answers(20, 4, 32, false),
                null,
                List.of(),
                Set.of(),
                List.of(),
                null);

        assertThat(policy.screen(Condition.PTSD, below).reasons()).containsExactly("PTSD_BELOW_CUT_POINT");
    }

    @Test
    void rejectsAPainScoreAboveTen() {
        var answers = new ScreeningAnswers(MODERATELY_SEVERE, null, null, 11, List.of(), Set.of(), List.of(), null);

        assertThatThrownBy(() -> policy.screen(Condition.MIGRAINE, answers))
                .hasMessage("painNrs must be between 0 and 10, got 11");
    }
}
