package org.clinicops.events;

import java.time.Instant;

/**
 * The patient was declined or referred out.
 *
 * @param reasonCode a code, never free text, e.g. {@code INELIGIBLE}, {@code PATIENT_CHOICE}
 */
public record TreatmentDeclined(
        String requestId,
        String patientId,
        String siteId,
        String clinicianId,
        Decision decision,
        String reasonCode,
        Instant decidedAt)
        implements PatientEvent {

    public enum Decision {
        DECLINED,
        REFERRED_OUT
    }
}
