package org.clinicops.billing.assistance.domain;

/** Incomes up to {@code maxPercentOfGuideline} % of the guideline get {@code discountPercent} off. */
public record AssistanceTier(String name, int maxPercentOfGuideline, int discountPercent) {

    public AssistanceTier {
        if (name.isBlank()) {
            throw new IllegalArgumentException("tier name must not be blank");
        }
        if (maxPercentOfGuideline < 1) {
            throw new IllegalArgumentException("maxPercentOfGuideline must be positive");
        }
        if (discountPercent < 0 || discountPercent > 100) {
            throw new IllegalArgumentException("discountPercent must be between 0 and 100");
        }
    }
}
