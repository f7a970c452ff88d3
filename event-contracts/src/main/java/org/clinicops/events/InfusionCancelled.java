package org.clinicops.events;

import java.time.Instant;

/**
 * A booked session was cancelled, or put on hold by a clinical hold.
 *
 * @param late cancelled less than 24 hours before the start
 * @param onHold the session waits for the hold to be released rather than being gone
 */
public record InfusionCancelled(
        String appointmentId,
        String planId,
        String patientId,
        String siteId,
        int sessionNumber,
        Instant startsAt,
        Reason reason,
        boolean late,
        boolean onHold,
        Instant cancelledAt)
        implements PatientEvent {

    public enum Reason {
        PATIENT_REQUEST,
        CLINIC_REQUEST,
        ILLNESS,
        CLINICAL_HOLD,
        OTHER
    }
}
