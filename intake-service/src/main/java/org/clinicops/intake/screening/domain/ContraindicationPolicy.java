package org.clinicops.intake.screening.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which contraindications exclude treatment and which need a physician's review. The defaults
 * follow the consensus statement: vascular malformations, a history of intracerebral hemorrhage,
 * raised intracranial pressure, active psychosis or schizophrenia and pregnancy exclude; poorly
 * controlled hypertension, cardiovascular disease, severe liver impairment, raised intraocular
 * pressure and active substance misuse need review.
 */
public final class ContraindicationPolicy {

    /** How a contraindication weighs on eligibility. */
    public enum Weight {
        EXCLUDES,
        NEEDS_REVIEW
    }

    private final Map<Contraindication, Weight> weights;

    public ContraindicationPolicy(Map<Contraindication, Weight> overrides) {
        Map<Contraindication, Weight> all = new EnumMap<>(defaults());
        all.putAll(overrides);
        this.weights = Map.copyOf(all);
    }

    public static ContraindicationPolicy standard() {
        return new ContraindicationPolicy(Map.of());
    }

    public Weight weightOf(Contraindication contraindication) {
        return weights.get(contraindication);
    }

    static Map<Contraindication, Weight> defaults() {
        Map<Contraindication, Weight> defaults = new EnumMap<>(Contraindication.class);
        for (Contraindication c : Contraindication.values()) {
            defaults.put(
                    c,
                    switch (c) {
                        case ANEURYSMAL_VASCULAR_DISEASE,
                                ARTERIOVENOUS_MALFORMATION,
                                INTRACEREBRAL_HEMORRHAGE_HISTORY,
                                RAISED_INTRACRANIAL_PRESSURE,
                                ACTIVE_PSYCHOSIS,
                                SCHIZOPHRENIA,
                                PREGNANCY -> Weight.EXCLUDES;
                        case POORLY_CONTROLLED_HYPERTENSION,
                                CARDIOVASCULAR_DISEASE,
                                SEVERE_LIVER_IMPAIRMENT,
                                RAISED_INTRAOCULAR_PRESSURE,
                                ACTIVE_SUBSTANCE_MISUSE -> Weight.NEEDS_REVIEW;
                    });
        }
        return defaults;
    }
}
