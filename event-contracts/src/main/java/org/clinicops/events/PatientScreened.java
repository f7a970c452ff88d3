package org.clinicops.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Screening scores and eligibility were recorded. Scores and bands only: the individual answers and
 * any notes stay in intake.
 *
 * @param phq9Total PHQ-9 total, 0 to 27
 * @param phq9Band {@code MINIMAL}, {@code MILD}, {@code MODERATE}, {@code MODERATELY_SEVERE} or
 *     {@code SEVERE}
 * @param selfHarmFlag PHQ-9 item 9 answered above 0
 * @param gad7Band {@code MINIMAL}, {@code MILD}, {@code MODERATE} or {@code SEVERE}
 * @param reasons machine-readable reason codes, e.g. {@code CONTRAINDICATION_PREGNANCY}
 */
public record PatientScreened(
        String requestId,
        String patientId,
        String siteId,
        Condition condition,
        int phq9Total,
        String phq9Band,
        boolean selfHarmFlag,
        @Nullable Integer gad7Total,
        @Nullable String gad7Band,
        @Nullable Integer pcl5Total,
        @Nullable Integer painNrs,
        boolean treatmentResistant,
        Eligibility eligibility,
        List<String> reasons,
        boolean urgent,
        Instant screenedAt)
        implements PatientEvent {

    public PatientScreened {
        reasons = List.copyOf(reasons);
    }

    public enum Eligibility {
        ELIGIBLE,
        NEEDS_REVIEW,
        INELIGIBLE
    }
}
