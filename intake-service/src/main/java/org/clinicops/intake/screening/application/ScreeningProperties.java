package org.clinicops.intake.screening.application;

import java.util.Map;
import org.clinicops.intake.screening.domain.Contraindication;
import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The screening rules' settings ({@code clinic.intake.*}).
 *
 * @param pcl5CutPoint PCL-5 total from which PTSD is probable (31-33 in the literature)
 * @param contraindications how each contraindication weighs, overriding the defaults
 */
@ConfigurationProperties("clinic.intake")
public record ScreeningProperties(
        @DefaultValue("33") int pcl5CutPoint, Map<Contraindication, ContraindicationPolicy.Weight> contraindications) {

    public ScreeningProperties {
        contraindications = contraindications == null ? Map.of() : Map.copyOf(contraindications);
    }
}
