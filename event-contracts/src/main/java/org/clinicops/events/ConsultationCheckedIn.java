package org.clinicops.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The patient checked in for the consultation. Intake accepts screening for the request only at or
 * after this check-in.
 *
 * @param appointmentId the consultation appointment
 * @param requestId the consultation request in intake
 * @param clinicianId the physician holding the consultation; {@code null} when none is assigned
 */
public record ConsultationCheckedIn(
        String appointmentId,
        String requestId,
        String patientId,
        String siteId,
        @Nullable String clinicianId,
        Instant checkedInAt)
        implements PatientEvent {}
