package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/** The plan a clinician approved: protocol, schedule shape and dose per session. */
public record TreatmentPlan(
        String planId,
        Protocol protocol,
        Route route,
        int sessions,
        int minSpacingDays,
        int maxSpacingDays,
        boolean weekdaysOnly,
        int infusionMinutes,
        int observationMinutes,
        BigDecimal doseMgPerKg,
        BigDecimal doseMg,
        boolean escortRequired) {

    /**
     * A plan from the protocol's defaults. A weight-based dose is weight × mg/kg, to one decimal
     * (half-even); a fixed dose (nasal) ignores weight.
     *
     * @throws IllegalArgumentException when a weight-based dose has no weight
     */
    public static TreatmentPlan of(
            String planId,
            Protocol protocol,
            ProtocolDefaults defaults,
            @Nullable Integer sessions,
            @Nullable BigDecimal doseMgPerKg,
            @Nullable BigDecimal weightKg) {
        BigDecimal perKg = doseMgPerKg != null
                ? doseMgPerKg
                : defaults.doseMgPerKg() != null ? defaults.doseMgPerKg() : BigDecimal.ZERO;
        BigDecimal dose;
        if (defaults.fixedDoseMg() != null && doseMgPerKg == null) {
            dose = defaults.fixedDoseMg().setScale(1, RoundingMode.HALF_EVEN);
        } else {
            if (weightKg == null) {
                throw new IllegalArgumentException("a weight-based dose needs the weight recorded at screening");
            }
            dose = weightKg.multiply(perKg).setScale(1, RoundingMode.HALF_EVEN);
        }
        return new TreatmentPlan(
                planId,
                protocol,
                defaults.route(),
                sessions != null ? sessions : defaults.sessions(),
                defaults.minSpacingDays(),
                defaults.maxSpacingDays(),
                defaults.weekdaysOnly(),
                defaults.infusionMinutes(),
                defaults.observationMinutes(),
                perKg,
                dose,
                defaults.escortRequired());
    }
}
