package org.clinicops.monitoring.indicators.domain;

import java.util.List;

/**
 * How fast patients get from their request to a consultation and to treatment, and how many
 * booked sessions are lost.
 *
 * @param requestToConsultationDays per request, days to the consultation that took place, sorted
 * @param requestToFirstInfusionDays per patient, days from the request to the first infusion given,
 *     sorted
 * @param startedWithinTarget patients who started within the target / patients who started or wait
 *     past it
 * @param urgentSeenWithinTarget urgent requests whose consultation took place within the target /
 *     urgent requests seen in time or past their deadline
 * @param noShows sessions missed / sessions due (completed, stopped or missed)
 * @param lateCancellations sessions cancelled under 24 h / sessions due or cancelled (holds are
 *     neither)
 */
public record Access(
        List<Double> requestToConsultationDays,
        List<Double> requestToFirstInfusionDays,
        Ratio startedWithinTarget,
        Ratio urgentSeenWithinTarget,
        Ratio noShows,
        Ratio lateCancellations) {}
