package org.clinicops.monitoring.indicators.domain;

import java.time.Duration;

/**
 * Targets the indicators are measured against (configuration, DOMAIN.md).
 *
 * @param treatmentStartTarget a patient should start treatment within this time of the request
 * @param urgentSeenTarget an urgent request should be seen within this time
 */
public record IndicatorPolicy(Duration treatmentStartTarget, Duration urgentSeenTarget) {

    public static IndicatorPolicy defaults() {
        return new IndicatorPolicy(Duration.ofDays(42), Duration.ofHours(72));
    }
}
