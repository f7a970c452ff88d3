package org.clinicops.events;

import java.time.Instant;

/** The patient attended the consultation. */
public record ConsultationCompleted(
        String appointmentId,
        String requestId,
        String patientId,
        String siteId,
        String clinicianId,
        Instant startsAt,
        Instant completedAt)
        implements PatientEvent {}
