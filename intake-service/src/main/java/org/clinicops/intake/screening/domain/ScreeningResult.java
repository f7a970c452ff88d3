package org.clinicops.intake.screening.domain;

import java.math.BigDecimal;
import java.util.List;
import org.clinicops.events.PatientScreened.Eligibility;
import org.jspecify.annotations.Nullable;

/**
 * Scores, treatment resistance, contraindications and the eligibility that follows, with
 * machine-readable reasons such as {@code CONTRAINDICATION_PREGNANCY} or {@code
 * NOT_TREATMENT_RESISTANT}.
 */
public record ScreeningResult(
        ScaleScore phq9,
        boolean selfHarmFlag,
        @Nullable ScaleScore gad7,
        @Nullable Pcl5 pcl5,
        @Nullable Integer painNrs,
        boolean treatmentResistant,
        List<Contraindication> excluding,
        List<Contraindication> needsReview,
        Eligibility eligibility,
        List<String> reasons,
        List<PriorTrial> priorTrials,
        List<String> medications,
        @Nullable BigDecimal weightKg) {}
