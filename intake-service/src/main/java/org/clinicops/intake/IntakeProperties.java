package org.clinicops.intake;

import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.intake.plans.domain.ProtocolDefaults;
import org.clinicops.intake.plans.domain.ProtocolOverride;
import org.clinicops.intake.screening.domain.Contraindication;
import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake's rules as configuration ({@code clinic.intake.*}).
 *
 * @param pcl5CutPoint PCL-5 total from which PTSD is probable (31-33 in the literature)
 * @param contraindications how each contraindication weighs, overriding the defaults
 * @param protocols the defaults of every protocol
 * @param sites per-site overrides of protocol defaults
 */
@ConfigurationProperties("clinic.intake")
public record IntakeProperties(
        @DefaultValue("33") int pcl5CutPoint,
        Map<Contraindication, ContraindicationPolicy.Weight> contraindications,
        Map<Protocol, ProtocolDefaults> protocols,
        Map<String, SiteSettings> sites) {

    public IntakeProperties {
        contraindications = contraindications == null ? Map.of() : Map.copyOf(contraindications);
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
