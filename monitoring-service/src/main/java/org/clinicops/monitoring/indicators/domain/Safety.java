package org.clinicops.monitoring.indicators.domain;

import java.util.Map;
import org.clinicops.events.AdverseEventCategory;

/**
 * Adverse events and vitals alerts.
 *
 * @param adverseEvents adverse events by grade (1 to 5) and category, every pair present
 * @param adverseEventsPerInfusion adverse events / infusions given (completed or stopped)
 * @param vitalsAlertsByRule vitals alerts raised, by rule (every known rule present)
 */
public record Safety(
        Map<Integer, Map<AdverseEventCategory, Long>> adverseEvents,
        Ratio adverseEventsPerInfusion,
        Map<String, Long> vitalsAlertsByRule) {

    public long adverseEventsTotal() {
        return adverseEvents.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    public double adverseEventsPer100Infusions() {
        return adverseEventsPerInfusion.per100();
    }
}
