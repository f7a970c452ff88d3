package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import org.clinicops.events.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * What the clinician chose when accepting a patient; null fields take the protocol's defaults.
 *
 * @param doseMgPerKg a weight-based dose (IV protocols only)
 * @param doseMg a fixed dose (fixed-dose protocols only, e.g. 56 or 84 mg of esketamine)
 */
public record PlanChoice(
        Protocol protocol,
        @Nullable Integer sessions,
        @Nullable BigDecimal doseMgPerKg,
        @Nullable BigDecimal doseMg) {}
