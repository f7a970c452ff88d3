package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * The plan a clinician approved: protocol, schedule shape and dose per session.
 *
 * @param doseMgPerKg the weight-based dose; null for a fixed-dose (nasal) plan
 * @param doseMg the dose of one session for {@code weightKg} (weight-based) or the fixed dose
 * @param weightKg the weight recorded at screening that {@code doseMg} was computed for; null for a
 *     fixed dose (and in plans approved before it was recorded)
 */
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
        @Nullable BigDecimal doseMgPerKg,
        BigDecimal doseMg,
        boolean escortRequired,
        @Nullable BigDecimal weightKg) {

    /**
     * A plan from the protocol's defaults and the clinician's choices, dosed by {@link DoseRule}: the
     * only way a plan is made.
     *
     * @param weightKg the weight recorded at screening
     * @throws org.clinicops.platform.problem.InvalidRequestException (400) for a dose the protocol does
     *     not allow
     * @throws org.clinicops.platform.problem.ConflictException (409) when the weight is missing or the
     *     dose is above the session maximum
     */
    public static TreatmentPlan of(
            String planId, PlanChoice choice, ProtocolDefaults defaults, @Nullable BigDecimal weightKg) {
        Dose dose = DoseRule.doseFor(choice.protocol(), defaults, choice.doseMgPerKg(), choice.doseMg(), weightKg);
        return new TreatmentPlan(
                planId,
                choice.protocol(),
                defaults.route(),
                choice.sessions() != null ? choice.sessions() : defaults.sessions(),
                defaults.minSpacingDays(),
                defaults.maxSpacingDays(),
                defaults.weekdaysOnly(),
                defaults.infusionMinutes(),
                defaults.observationMinutes(),
                dose.mgPerKg(),
                dose.mg(),
                defaults.escortRequired(),
                dose.weightKg());
    }
}
