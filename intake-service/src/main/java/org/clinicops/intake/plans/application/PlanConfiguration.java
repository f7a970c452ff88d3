package org.clinicops.intake.plans.application;

import java.util.HashMap;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.intake.plans.domain.ProtocolCatalog;
import org.clinicops.intake.plans.domain.ProtocolOverride;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the protocol catalog (defaults and per-site overrides) from configuration. */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    ProtocolCatalog protocolCatalog(PlanProperties properties) {
        Map<String, Map<Protocol, ProtocolOverride>> overrides = new HashMap<>();
        properties.sites().forEach((site, settings) -> overrides.put(site, settings.protocols()));
        return new ProtocolCatalog(properties.protocols(), overrides);
    }
}
