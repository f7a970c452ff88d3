package org.clinicops.events;

/** Conditions a consultation can be requested for (DOMAIN.md, "Conditions treated"). */
public enum Condition {
    TREATMENT_RESISTANT_DEPRESSION,
    BIPOLAR_DEPRESSION,
    ANXIETY,
    PTSD,
    OCD,
    SUICIDAL_IDEATION,
    CHRONIC_PAIN,
    FIBROMYALGIA,
    CRPS,
    NEUROPATHIC_PAIN,
    MIGRAINE
}
