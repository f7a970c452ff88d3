package org.clinicops.monitoring.indicators.application;

import java.time.Duration;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator targets, as configured. */
@Configuration(proxyBeanMethods = false)
class IndicatorConfiguration {

    /**
     * {@code clinic.monitoring.indicators.*}.
     *
     * @param treatmentStartTarget access target: treatment starts within this time of the request
     * @param urgentSeenTarget urgent requests are seen within this time
     * @param refreshInterval how often the snapshot is recomputed when facts arrived
     */
    @ConfigurationProperties("clinic.monitoring.indicators")
    record IndicatorProperties(
            @DefaultValue("42d") Duration treatmentStartTarget,
            @DefaultValue("72h") Duration urgentSeenTarget,
            @DefaultValue("2s") Duration refreshInterval) {}

    @Bean
    IndicatorPolicy indicatorPolicy(IndicatorProperties properties) {
        return new IndicatorPolicy(properties.treatmentStartTarget(), properties.urgentSeenTarget());
    }
}
