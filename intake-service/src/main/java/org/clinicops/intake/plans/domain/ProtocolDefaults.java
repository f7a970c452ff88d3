package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * What a protocol prescribes unless the clinician says otherwise, and how far the dose may go.
 *
 * @param doseMgPerKg weight-based dose (IV) when the clinician gives none; null for a fixed dose, or
 *     when the clinician must always choose
 * @param fixedDoseMg fixed dose (esketamine nasal spray) when the clinician gives none; null for a
 *     weight-based dose
 * @param doseLimits the range and ceiling (weight-based) or the doses offered (fixed)
 */
public record ProtocolDefaults(
        int sessions,
        int minSpacingDays,
        int maxSpacingDays,
        boolean weekdaysOnly,
        int infusionMinutes,
        int observationMinutes,
        Route route,
        @Nullable BigDecimal doseMgPerKg,
        @Nullable BigDecimal fixedDoseMg,
        boolean escortRequired,
        DoseLimits doseLimits) {

    public ProtocolDefaults {
        doseLimits = doseLimits == null ? DoseLimits.NONE : doseLimits;
    }

    /** These defaults with each non-null field of the override in place. */
    public ProtocolDefaults with(ProtocolOverride o) {
        return new ProtocolDefaults(
                o.sessions() != null ? o.sessions() : sessions,
                o.minSpacingDays() != null ? o.minSpacingDays() : minSpacingDays,
                o.maxSpacingDays() != null ? o.maxSpacingDays() : maxSpacingDays,
                o.weekdaysOnly() != null ? o.weekdaysOnly() : weekdaysOnly,
                o.infusionMinutes() != null ? o.infusionMinutes() : infusionMinutes,
                o.observationMinutes() != null ? o.observationMinutes() : observationMinutes,
                o.route() != null ? o.route() : route,
                o.doseMgPerKg() != null ? o.doseMgPerKg() : doseMgPerKg,
                o.fixedDoseMg() != null ? o.fixedDoseMg() : fixedDoseMg,
                o.escortRequired() != null ? o.escortRequired() : escortRequired,
                doseLimits.with(o.doseLimits()));
    }
}
