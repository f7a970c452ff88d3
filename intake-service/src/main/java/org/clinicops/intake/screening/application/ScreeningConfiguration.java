package org.clinicops.intake.screening.application;

import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the screening rules from configuration. */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    @Bean
    EligibilityPolicy eligibilityPolicy(ScreeningProperties properties) {
        return new EligibilityPolicy(
                new ContraindicationPolicy(properties.contraindications()), properties.pcl5CutPoint());
    }
}
