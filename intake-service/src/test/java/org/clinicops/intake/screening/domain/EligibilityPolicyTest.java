package org.clinicops.intake.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.PatientScreened.Eligibility;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;
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
    void anExcludingContraindicationDecidesButHidesNoOtherReason() {
        // changed on purpose (issue 16): the review reasons were dropped beside an excluding one
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(
                        MODERATELY_SEVERE,
                        List.of(),
                        Set.of(Contraindication.PREGNANCY, Contraindication.CARDIOVASCULAR_DISEASE)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(result.reasons())
                .containsExactly(
                        "CONTRAINDICATION_PREGNANCY",
                        "CONTRAINDICATION_CARDIOVASCULAR_DISEASE",
                        "NOT_TREATMENT_RESISTANT");
        assertThat(result.excluding()).containsExactly(Contraindication.PREGNANCY);
        assertThat(result.needsReview()).containsExactly(Contraindication.CARDIOVASCULAR_DISEASE);
    }

    @Test
    void anExcludingContraindicationNeverHidesTheSelfHarmReason() {
        ScreeningResult result = policy.screen(
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                answers(List.of(2, 2, 2, 2, 2, 2, 2, 2, 1), TWO_FAILED, Set.of(Contraindication.ACTIVE_PSYCHOSIS)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(result.selfHarmFlag()).isTrue();
        assertThat(result.reasons()).containsExactly("CONTRAINDICATION_ACTIVE_PSYCHOSIS", "SELF_HARM_RISK");
    }

    @Test
    void listsEveryReasonAtOnce() {
        ScreeningResult result = policy.screen(
                Condition.SUICIDAL_IDEATION,
                answers(
                        List.of(1, 1, 0, 0, 0, 0, 0, 0, 1),
                        List.of(),
                        Set.of(
                                Contraindication.PREGNANCY,
                                Contraindication.SCHIZOPHRENIA,
                                Contraindication.CARDIOVASCULAR_DISEASE)));

        assertThat(result.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(result.reasons())
                .containsExactly(
                        "CONTRAINDICATION_SCHIZOPHRENIA",
                        "CONTRAINDICATION_PREGNANCY",
                        "CONTRAINDICATION_CARDIOVASCULAR_DISEASE",
                        "SELF_HARM_RISK",
                        "SYMPTOMS_MINIMAL");
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
    void ptsdWithoutAPcl5NeedsReview() {
        var noPcl5 = new ScreeningAnswers(MODERATELY_SEVERE, null, null, null, List.of(), Set.of(), List.of(), null);

        ScreeningResult result = policy.screen(Condition.PTSD, noPcl5);

        assertThat(result.eligibility()).isEqualTo(Eligibility.NEEDS_REVIEW);
        assertThat(result.reasons()).containsExactly("PCL5_MISSING");
    }

    @Test
    void ptsdAtThePcl5CutPointIsEligible() {
        var atCutPoint = new ScreeningAnswers(
                MODERATELY_SEVERE,
                null,
                ScaleScoringTest.answers(20, 4, 33, false),
                null,
                List.of(),
                Set.of(),
                List.of(),
                null);

        ScreeningResult result = policy.screen(Condition.PTSD, atCutPoint);

        assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(result.reasons()).isEmpty();
    }

    @Test
    void anotherConditionNeedsNoPcl5() {
        var noPcl5 = new ScreeningAnswers(MODERATELY_SEVERE, null, null, null, List.of(), Set.of(), List.of(), null);

        assertThat(policy.screen(Condition.ANXIETY, noPcl5).eligibility()).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void rejectsAPainScoreAboveTen() {
        var answers = new ScreeningAnswers(MODERATELY_SEVERE, null, null, 11, List.of(), Set.of(), List.of(), null);

        assertThatThrownBy(() -> policy.screen(Condition.MIGRAINE, answers))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("painNrs", "must be between 0 and 10, got 11")));
    }

    @Test
    void namesEveryAnswerOutOfRangeOnEveryScaleAtOnce() {
        List<Integer> pcl5 = ScaleScoringTest.answers(20, 4, 0, false);
        pcl5.set(19, 5);
        var answers = new ScreeningAnswers(
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 4),
                List.of(0, 0, 0, 0, 0, 0, -1),
                pcl5,
                -1,
                List.of(),
                Set.of(),
                List.of(),
                null);

        assertThatThrownBy(() -> policy.screen(Condition.PTSD, answers))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("phq9[8]", "gad7[6]", "pcl5[19]", "painNrs"));
    }

    @Test
    void refusesAPcl5CutPointOutsideTheScale() {
        assertThatThrownBy(() -> new EligibilityPolicy(ContraindicationPolicy.standard(), 81))
                .hasMessageContaining("pcl5-cut-point");
        assertThatThrownBy(() -> new EligibilityPolicy(ContraindicationPolicy.standard(), 0))
                .hasMessageContaining("pcl5-cut-point");
    }
}
