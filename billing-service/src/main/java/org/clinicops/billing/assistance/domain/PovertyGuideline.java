package org.clinicops.billing.assistance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The yearly poverty guideline: an amount for the first person plus one for each additional person. */
public record PovertyGuideline(BigDecimal firstPerson, BigDecimal eachAdditionalPerson) {

    public BigDecimal forHousehold(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("household size must be at least 1");
        }
        return firstPerson.add(eachAdditionalPerson.multiply(BigDecimal.valueOf(size - 1L)));
    }

    /** Household income as a percentage of the guideline, rounded half-even to two decimals. */
    public BigDecimal percentOf(BigDecimal householdIncome, int householdSize) {
        return householdIncome
                .multiply(BigDecimal.valueOf(100))
                .divide(forHousehold(householdSize), 2, RoundingMode.HALF_EVEN);
    }
}
