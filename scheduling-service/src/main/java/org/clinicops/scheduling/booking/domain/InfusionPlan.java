package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * The treatment-plan facts an infusion session keeps: protocol, route, minutes, dose, escort rule.
 *
 * @param doseMg the dose of one session: for the weight recorded at screening (weight-based) or the
 *     fixed dose (esketamine nasal spray)
 * @param doseMgPerKg the weight-based dose in mg/kg; null or 0 for a fixed dose (and in plans stored
 *     before it was kept)
 */
public record InfusionPlan(
        String planId,
        Protocol protocol,
        Route route,
        int sessions,
        int infusionMinutes,
        int observationMinutes,
        BigDecimal doseMg,
        boolean escortRequired,
        @Nullable BigDecimal doseMgPerKg) {

    /** A plan with a fixed dose only (no mg/kg). */
    public InfusionPlan(
            String planId,
            Protocol protocol,
            Route route,
            int sessions,
            int infusionMinutes,
            int observationMinutes,
            BigDecimal doseMg,
            boolean escortRequired) {
        this(planId, protocol, route, sessions, infusionMinutes, observationMinutes, doseMg, escortRequired, null);
    }
}
