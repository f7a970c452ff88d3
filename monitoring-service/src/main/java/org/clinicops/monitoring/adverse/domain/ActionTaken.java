package org.clinicops.monitoring.adverse.domain;

/** What staff did about an adverse event (a code, never free text). */
public enum ActionTaken {
    NONE,
    OBSERVATION,
    INFUSION_SLOWED,
    INFUSION_PAUSED,
    INFUSION_STOPPED,
    MEDICATION_GIVEN,
    TRANSFERRED_TO_EMERGENCY
}
