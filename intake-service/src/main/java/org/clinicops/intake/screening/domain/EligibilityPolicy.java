package org.clinicops.intake.screening.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.PatientScreened.Eligibility;

/**
 * Scores the answers and decides eligibility:
 *
 * <ul>
 *   <li>any contraindication that excludes → INELIGIBLE;
 *   <li>otherwise NEEDS_REVIEW when a contraindication needs review, when treatment-resistant
 *       depression is claimed without two failed adequate trials, when PHQ-9 item 9 shows thoughts
 *       of self-harm, when a depressive condition scores minimal on PHQ-9, or when PTSD is the
 *       condition and PCL-5 is below the cut-point;
 *   <li>otherwise ELIGIBLE.
 * </ul>
 */
public final class EligibilityPolicy {

    private static final Set<Condition> DEPRESSIVE = EnumSet.of(
            Condition.TREATMENT_RESISTANT_DEPRESSION, Condition.BIPOLAR_DEPRESSION, Condition.SUICIDAL_IDEATION);

    private final ContraindicationPolicy contraindications;
    private final int pcl5CutPoint;

    public EligibilityPolicy(ContraindicationPolicy contraindications, int pcl5CutPoint) {
        this.contraindications = contraindications;
        this.pcl5CutPoint = pcl5CutPoint;
    }

    /**
     * @throws IllegalArgumentException naming the scale and item when answers are missing or out of
     *     range
     */
    public ScreeningResult screen(Condition condition, ScreeningAnswers answers) {
        Phq9 phq9 = Phq9.of(answers.phq9());
        ScaleScore gad7 = answers.gad7() == null ? null : Gad7.of(answers.gad7());
        Pcl5 pcl5 = answers.pcl5() == null ? null : Pcl5.of(answers.pcl5(), pcl5CutPoint);
        Integer pain = answers.painNrs();
        if (pain != null && (pain < 0 || pain > 10)) {
            throw new IllegalArgumentException("painNrs must be between 0 and 10, got " + pain);
        }
        boolean resistant = TreatmentResistance.isTreatmentResistant(answers.priorTrials());

        List<Contraindication> excluding = new ArrayList<>();
        List<Contraindication> review = new ArrayList<>();
        answers.contraindications().stream().sorted().forEach(c -> {
            if (contraindications.weightOf(c) == ContraindicationPolicy.Weight.EXCLUDES) {
                excluding.add(c);
            } else {
                review.add(c);
            }
        });

        List<String> reasons = new ArrayList<>();
        Eligibility eligibility;
        if (!excluding.isEmpty()) {
            excluding.forEach(c -> reasons.add("CONTRAINDICATION_" + c.name()));
            eligibility = Eligibility.INELIGIBLE;
        } else {
            review.forEach(c -> reasons.add("CONTRAINDICATION_" + c.name()));
            if (condition == Condition.TREATMENT_RESISTANT_DEPRESSION && !resistant) {
                reasons.add("NOT_TREATMENT_RESISTANT");
            }
            if (phq9.selfHarmFlag()) {
                reasons.add("SELF_HARM_RISK");
            }
            if (DEPRESSIVE.contains(condition) && phq9.score().band() == Band.MINIMAL) {
                reasons.add("SYMPTOMS_MINIMAL");
            }
            if (condition == Condition.PTSD && pcl5 != null && !pcl5.probablePtsd()) {
                reasons.add("PTSD_BELOW_CUT_POINT");
            }
            eligibility = reasons.isEmpty() ? Eligibility.ELIGIBLE : Eligibility.NEEDS_REVIEW;
        }
        return new ScreeningResult(
                phq9.score(),
                phq9.selfHarmFlag(),
                gad7,
                pcl5,
                pain,
                resistant,
                List.copyOf(excluding),
                List.copyOf(review),
                eligibility,
                List.copyOf(reasons),
                answers.priorTrials(),
                answers.medications(),
                answers.weightKg());
    }
}
