package org.clinicops.events;

/** Treatment protocols a clinician can approve (DOMAIN.md, "Treatment plan"). */
public enum Protocol {
    DEPRESSION_INDUCTION,
    PAIN_SERIES,
    ESKETAMINE_INDUCTION,
    BOOSTER
}
