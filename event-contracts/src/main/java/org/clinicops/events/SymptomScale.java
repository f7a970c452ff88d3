package org.clinicops.events;

/** Symptom scales scored at a session. */
public enum SymptomScale {
    PHQ9,
    GAD7,
    PCL5,
    PAIN_NRS
}
