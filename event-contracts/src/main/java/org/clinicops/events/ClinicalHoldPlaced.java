package org.clinicops.events;

import java.time.Instant;

/** A serious adverse event stopped the patient's treatment until a clinician releases it. */
public record ClinicalHoldPlaced(
        String holdId, String patientId, String siteId, String adverseEventId, int grade, Instant placedAt)
        implements PatientEvent {}
