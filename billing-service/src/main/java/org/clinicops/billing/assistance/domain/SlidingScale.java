package org.clinicops.billing.assistance.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A site's sliding scale: the first tier (lowest income ceiling first) whose ceiling the household's
 * income, as a percentage of the poverty guideline, does not exceed. Above every ceiling: no discount.
 */
public record SlidingScale(List<AssistanceTier> tiers) {

    public SlidingScale {
        tiers = tiers.stream()
                .sorted(Comparator.comparingInt(AssistanceTier::maxPercentOfGuideline))
                .toList();
    }

    public Optional<AssistanceTier> tierFor(BigDecimal percentOfGuideline) {
        return tiers.stream()
                .filter(t -> percentOfGuideline.compareTo(BigDecimal.valueOf(t.maxPercentOfGuideline())) <= 0)
                .findFirst();
    }
}
