package org.clinicops.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A booked consultation was cancelled before it was held; it will not take place (a new request
 * books a new one).
 *
 * @param appointmentId the consultation appointment
 * @param requestId the consultation request in intake
 * @param clinicianId the physician it was booked with; {@code null} when none was assigned
 * @param startsAt the booked start of the cancelled consultation
 * @param late cancelled less than the late-cancellation window (24 hours by default) before the start
 */
public record ConsultationCancelled(
        String appointmentId,
        String requestId,
        String patientId,
        String siteId,
        @Nullable String clinicianId,
        Instant startsAt,
        Reason reason,
        boolean late,
        Instant cancelledAt)
        implements PatientEvent {

    public enum Reason {
        PATIENT_REQUEST,
        CLINIC_REQUEST,
        ILLNESS,
        /** The consultation request was withdrawn in intake (consultation-request-withdrawn). */
        REQUEST_WITHDRAWN,
        OTHER
    }
}
