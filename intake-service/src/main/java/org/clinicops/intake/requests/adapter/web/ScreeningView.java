package org.clinicops.intake.requests.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.screening.domain.Contraindication;
import org.clinicops.intake.screening.domain.PriorTrial;
import org.clinicops.intake.screening.domain.ScaleScore;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.jspecify.annotations.Nullable;

/** A request's screening in full, for clinicians: scores, prior trials, medications, weight. */
record ScreeningView(
        String requestId,
        String patientId,
        String siteId,
        ScaleScore phq9,
        boolean selfHarmFlag,
        @Nullable ScaleScore gad7,
        @Nullable Integer pcl5Total,
        @Nullable Boolean probablePtsd,
        @Nullable Integer painNrs,
        boolean treatmentResistant,
        List<PriorTrial> priorTrials,
        List<Contraindication> excluding,
        List<Contraindication> needsReview,
        List<String> medications,
        @Nullable BigDecimal weightKg,
        String eligibility,
        List<String> reasons,
        @Nullable Instant screenedAt) {

    static ScreeningView of(ConsultationRequest r) {
        ScreeningResult s = Objects.requireNonNull(r.screening());
        return new ScreeningView(
                r.id(),
                r.patientId(),
                r.siteId(),
                s.phq9(),
                s.selfHarmFlag(),
                s.gad7(),
                s.pcl5() == null ? null : s.pcl5().total(),
                s.pcl5() == null ? null : s.pcl5().probablePtsd(),
                s.painNrs(),
                s.treatmentResistant(),
                s.priorTrials(),
                s.excluding(),
                s.needsReview(),
                s.medications(),
                s.weightKg(),
                s.eligibility().name(),
                s.reasons(),
                r.screenedAt());
    }
}
