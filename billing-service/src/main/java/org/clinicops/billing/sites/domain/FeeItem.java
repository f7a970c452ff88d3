package org.clinicops.billing.sites.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One priced code of a site's fee schedule, valid from {@code effectiveFrom} (inclusive, or always
 * when null) to {@code effectiveTo} (inclusive, or open-ended when null).
 */
public record FeeItem(
        String code,
        String description,
        BigDecimal unitPrice,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo) {

    public boolean effectiveOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
