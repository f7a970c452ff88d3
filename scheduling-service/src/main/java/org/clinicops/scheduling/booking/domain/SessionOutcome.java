package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import org.clinicops.events.SymptomScale;
import org.jspecify.annotations.Nullable;

/**
 * What the nurse records when an infusion session completes.
 *
 * @param doseMg the dose given
 * @param weightKg the weight measured on the day; null only in sessions completed before it was
 *     recorded
 */
public record SessionOutcome(
        BigDecimal doseMg,
        int infusionMinutes,
        int observationMinutes,
        @Nullable SymptomScale symptomScale,
        @Nullable Integer symptomScore,
        boolean dischargedWithEscort,
        @Nullable BigDecimal weightKg) {}
