package org.clinicops.events;

import java.time.Instant;

/** Scheduling booked the consultation with a physician. */
public record ConsultationScheduled(
        String appointmentId,
        String requestId,
        String patientId,
        String siteId,
        String clinicianId,
        boolean urgent,
        Instant requestedAt,
        Instant startsAt,
        Instant endsAt,
        Instant scheduledAt)
        implements PatientEvent {}
