package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;

/** The treatment-plan facts an infusion session keeps: protocol, route, minutes, dose, escort rule. */
public record InfusionPlan(
        String planId,
        Protocol protocol,
        Route route,
        int sessions,
        int infusionMinutes,
        int observationMinutes,
        BigDecimal doseMg,
        boolean escortRequired) {}
