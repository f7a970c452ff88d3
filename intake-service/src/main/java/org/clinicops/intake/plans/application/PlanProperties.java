package org.clinicops.intake.plans.application;

import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.intake.plans.domain.ProtocolDefaults;
import org.clinicops.intake.plans.domain.ProtocolOverride;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The protocols' settings ({@code clinic.intake.*}).
 *
 * @param protocols the defaults of every protocol
 * @param sites per-site overrides of protocol defaults
 */
@ConfigurationProperties("clinic.intake")
public record PlanProperties(Map<Protocol, ProtocolDefaults> protocols, Map<String, SiteSettings> sites) {

    public PlanProperties {
        protocols = protocols == null ? Map.of() : Map.copyOf(protocols);
        sites = sites == null ? Map.of() : Map.copyOf(sites);
    }

    /** A site's own protocol settings. */
    public record SiteSettings(Map<Protocol, ProtocolOverride> protocols) {

        public SiteSettings {
            protocols = protocols == null ? Map.of() : Map.copyOf(protocols);
        }
    }
}
