package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A session's dose as {@link DoseRule} allowed it.
 *
 * @param mgPerKg the weight-based dose; null for a fixed dose
 * @param mg the dose of one session in milligrams, to a tenth, always above zero
 * @param weightKg the weight it was computed for; null for a fixed dose
 */
public record Dose(
        @Nullable BigDecimal mgPerKg,
        BigDecimal mg,
        @Nullable BigDecimal weightKg) {}
