package org.clinicops.intake.screening.domain;

/** Severity bands shared by PHQ-9 and GAD-7 (GAD-7 has no MODERATELY_SEVERE band). */
public enum Band {
    MINIMAL,
    MILD,
    MODERATE,
    MODERATELY_SEVERE,
    SEVERE
}
