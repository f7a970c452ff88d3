package org.clinicops.events;

/** Side effects recorded as adverse events (DOMAIN.md, "Safety"). */
public enum AdverseEventCategory {
    NAUSEA_VOMITING,
    ELEVATED_HEART_RATE,
    ELEVATED_BLOOD_PRESSURE,
    VISION_CHANGES,
    DIZZINESS,
    HEADACHE,
    SALIVATION_DRY_MOUTH,
    TREMOR,
    ANXIETY_RESTLESSNESS,
    HALLUCINATIONS,
    EXCESSIVE_DISSOCIATION,
    FATIGUE,
    INSOMNIA,
    APPETITE_CHANGE,
    BLADDER_PROBLEMS,
    OTHER
}
