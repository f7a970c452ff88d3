package org.clinicops.intake.screening.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.PatientScreened.Eligibility;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;

/**
 * Scores the answers and decides eligibility, listing <em>every</em> reason found:
 *
 * <ul>
 *   <li>INELIGIBLE when any contraindication excludes treatment;
 *   <li>otherwise NEEDS_REVIEW when a contraindication needs review, when treatment-resistant
 *       depression is claimed without two failed adequate trials, when PHQ-9 item 9 shows thoughts
 *       of self-harm, when a depressive condition scores minimal on PHQ-9, when PTSD is the condition
 *       and PCL-5 is below the cut-point, or when PTSD is the condition and no PCL-5 was recorded;
 *   <li>otherwise ELIGIBLE.
 * </ul>
 *
 * An excluding contraindication decides the outcome but hides nothing: the self-harm reason and
 * every review reason are listed beside it, excluding contraindications first. Every scale is
 * checked against its range first ({@link Scale}).
 */
public final class EligibilityPolicy {

    private static final Set<Condition> DEPRESSIVE = EnumSet.of(
            Condition.TREATMENT_RESISTANT_DEPRESSION, Condition.BIPOLAR_DEPRESSION, Condition.SUICIDAL_IDEATION);

    /** Conditions whose eligibility needs a PCL-5 (complex PTSD is requested as PTSD). */
    private static final Set<Condition> PTSD = EnumSet.of(Condition.PTSD);

    private final ContraindicationPolicy contraindications;
    private final int pcl5CutPoint;

    public EligibilityPolicy(ContraindicationPolicy contraindications, int pcl5CutPoint) {
        if (pcl5CutPoint < 1 || pcl5CutPoint > Scale.PCL5.maxTotal()) {
            throw new IllegalArgumentException("clinic.intake.pcl5-cut-point must be between 1 and "
                    + Scale.PCL5.maxTotal() + ", got " + pcl5CutPoint);
        }
        this.contraindications = contraindications;
        this.pcl5CutPoint = pcl5CutPoint;
    }

    /**
     * @throws InvalidRequestException (400) naming every answer or rating out of its scale's range
     */
    public ScreeningResult screen(Condition condition, ScreeningAnswers answers) {
        requireInRange(answers);
        Phq9 phq9 = Phq9.of(answers.phq9());
        ScaleScore gad7 = answers.gad7() == null ? null : Gad7.of(answers.gad7());
        Pcl5 pcl5 = answers.pcl5() == null ? null : Pcl5.of(answers.pcl5(), pcl5CutPoint);
        Integer pain = answers.painNrs();
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
        excluding.forEach(c -> reasons.add("CONTRAINDICATION_" + c.name()));
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
        if (PTSD.contains(condition) && pcl5 == null) {
            reasons.add("PCL5_MISSING");
        }
        if (PTSD.contains(condition) && pcl5 != null && !pcl5.probablePtsd()) {
            reasons.add("PTSD_BELOW_CUT_POINT");
        }
        Eligibility eligibility = !excluding.isEmpty()
                ? Eligibility.INELIGIBLE
                : reasons.isEmpty() ? Eligibility.ELIGIBLE : Eligibility.NEEDS_REVIEW;
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

    /** Every scale's answers within range, all problems named at once. */
    private static void requireInRange(ScreeningAnswers answers) {
        List<FieldError> errors = new ArrayList<>(Scale.PHQ9.violations(answers.phq9()));
        if (answers.gad7() != null) {
            errors.addAll(Scale.GAD7.violations(answers.gad7()));
        }
        if (answers.pcl5() != null) {
            errors.addAll(Scale.PCL5.violations(answers.pcl5()));
        }
        if (answers.painNrs() != null) {
            errors.addAll(Scale.PAIN_NRS.totalViolations(answers.painNrs()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
