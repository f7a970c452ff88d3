package org.clinicops.intake;

import java.util.HashMap;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.intake.plans.domain.ProtocolCatalog;
import org.clinicops.intake.plans.domain.ProtocolOverride;
import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the domain rules from configuration. */
@Configuration(proxyBeanMethods = false)
class IntakeRules {

    @Bean
    EligibilityPolicy eligibilityPolicy(IntakeProperties properties) {
        return new EligibilityPolicy(
                new ContraindicationPolicy(properties.contraindications()), properties.pcl5CutPoint());
    }

    @Bean
    ProtocolCatalog protocolCatalog(IntakeProperties properties) {
        Map<String, Map<Protocol, ProtocolOverride>> overrides = new HashMap<>();
        properties.sites().forEach((site, settings) -> overrides.put(site, settings.protocols()));
        return new ProtocolCatalog(properties.protocols(), overrides);
    }
}
