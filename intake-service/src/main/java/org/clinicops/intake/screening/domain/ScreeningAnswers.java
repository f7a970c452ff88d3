package org.clinicops.intake.screening.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the clinician records at screening. Only PHQ-9 is required. */
public record ScreeningAnswers(
        List<Integer> phq9,
        @Nullable List<Integer> gad7,
        @Nullable List<Integer> pcl5,
        @Nullable Integer painNrs,
        List<PriorTrial> priorTrials,
        Set<Contraindication> contraindications,
        List<String> medications,
        @Nullable BigDecimal weightKg) {

    public ScreeningAnswers {
        priorTrials = List.copyOf(priorTrials);
        contraindications = Set.copyOf(contraindications);
        medications = List.copyOf(medications);
    }
}
