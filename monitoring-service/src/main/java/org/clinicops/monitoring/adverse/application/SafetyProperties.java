package org.clinicops.monitoring.adverse.application;

import org.clinicops.monitoring.adverse.domain.SeriousnessPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.monitoring.adverse-events.*}.
 *
 * @param minSeriousGrade CTCAE grade from which an adverse event places a clinical hold
 */
@ConfigurationProperties("clinic.monitoring.adverse-events")
public record SafetyProperties(@DefaultValue("3") int minSeriousGrade) {

    public SeriousnessPolicy policy() {
        return new SeriousnessPolicy(minSeriousGrade);
    }
}
