package org.clinicops.monitoring.indicators.domain;

import java.util.List;

/**
 * How fast patients get from their request to a consultation and to treatment.
 *
 * @param requestToConsultationDays one observation per request, sorted
 * @param requestToFirstInfusionDays one observation per patient, sorted
 * @param startedWithinTarget patients who started within the target / patients who started or wait
 *     past it
 * @param urgentSeenWithinTarget urgent requests seen within the target / urgent requests seen or
 *     waiting past it
 */
public record Access(
        List<Double> requestToConsultationDays,
        List<Double> requestToFirstInfusionDays,
        Ratio startedWithinTarget,
        Ratio urgentSeenWithinTarget) {}
