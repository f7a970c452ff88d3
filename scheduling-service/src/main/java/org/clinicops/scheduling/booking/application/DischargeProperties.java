package org.clinicops.scheduling.booking.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinicops.events.Protocol;
import org.clinicops.scheduling.booking.domain.DischargePolicy;
import org.clinicops.scheduling.booking.domain.DosePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an infusion session may complete ({@code clinic.scheduling.discharge.*}); see {@link
 * DischargePolicy}. Kept beside {@link SchedulingProperties} under the same prefix.
 *
 * @param observationMinutes minimum observation after the infusion ends
 * @param vitalsWithin the latest vitals reading must be at most this old
 * @param doseTolerancePercent a dose given further than this from the plan's dose for the day's
 *     weight needs a clinician's override
 */
@ConfigurationProperties("clinic.scheduling.discharge")
public record DischargeProperties(
        @DefaultValue ObservationMinutes observationMinutes,
        @DefaultValue("15m") Duration vitalsWithin,
        @DefaultValue("10") BigDecimal doseTolerancePercent) {

    /**
     * Minimum observation after the infusion ends, in minutes.
     *
     * @param iv after IV ketamine (infusion or push)
     * @param nasal after esketamine nasal spray (REMS: at least 2 hours)
     * @param protocols per protocol, replacing the route's minimum, e.g. {@code PAIN_SERIES: 90}
     */
    public record ObservationMinutes(
            @DefaultValue("60") int iv,
            @DefaultValue("120") int nasal,
            @DefaultValue Map<Protocol, Integer> protocols) {}

    /** The discharge rules these settings describe. */
    public DischargePolicy policy() {
        return new DischargePolicy(
                Duration.ofMinutes(observationMinutes.iv()),
                Duration.ofMinutes(observationMinutes.nasal()),
                observationMinutes.protocols().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> Duration.ofMinutes(e.getValue()))),
                vitalsWithin,
                new DosePolicy(doseTolerancePercent));
    }
}
