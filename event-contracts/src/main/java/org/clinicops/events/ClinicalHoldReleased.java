package org.clinicops.events;

import java.time.Instant;

/** A clinician released the patient's clinical hold; treatment resumes. */
public record ClinicalHoldReleased(
        String holdId, String patientId, String siteId, String clinicianId, Instant placedAt, Instant releasedAt)
        implements PatientEvent {}
