package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/** A site's changes to a protocol's defaults; null fields keep the default. */
public record ProtocolOverride(
        @Nullable Integer sessions,
        @Nullable Integer minSpacingDays,
        @Nullable Integer maxSpacingDays,
        @Nullable Boolean weekdaysOnly,
        @Nullable Integer infusionMinutes,
        @Nullable Integer observationMinutes,
        @Nullable Route route,
        @Nullable BigDecimal doseMgPerKg,
        @Nullable BigDecimal fixedDoseMg,
        @Nullable Boolean escortRequired,
        @Nullable DoseLimits doseLimits) {}
