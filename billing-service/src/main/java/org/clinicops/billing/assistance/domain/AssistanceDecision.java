package org.clinicops.billing.assistance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A financial assistance decision for a patient: household figures, the tier and discount they
 * give, and the period in which charges get the discount. Income stays in billing.
 */
public record AssistanceDecision(
        @Id String id,
        String patientId,
        String siteId,
        int householdSize,
        BigDecimal householdIncome,
        BigDecimal percentOfGuideline,
        @Nullable String tier,
        int discountPercent,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Instant decidedAt,
        String decidedBy) {

    /** Decides with the site's scale and the guideline. */
    public static AssistanceDecision decide(
            String id,
            String patientId,
            String siteId,
            int householdSize,
            BigDecimal householdIncome,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            SlidingScale scale,
            PovertyGuideline guideline,
            String by,
            Instant now) {
        if (effectiveTo.isBefore(effectiveFrom)) {
            throw new InvalidRequestException("effectiveTo", "must not be before effectiveFrom");
        }
        BigDecimal percent = guideline.percentOf(householdIncome, householdSize);
        var tier = scale.tierFor(percent);
        return new AssistanceDecision(
                id,
                patientId,
                siteId,
                householdSize,
                householdIncome,
                percent,
                tier.map(AssistanceTier::name).orElse(null),
                tier.map(AssistanceTier::discountPercent).orElse(0),
                effectiveFrom,
                effectiveTo,
                now,
                by);
    }

    public boolean effectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && !day.isAfter(effectiveTo);
    }
}
