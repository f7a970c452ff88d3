package org.clinicops.events;

import java.time.Instant;

/** A session of a treatment plan was booked on a chair. */
public record InfusionScheduled(
        String appointmentId,
        String planId,
        String patientId,
        String siteId,
        String chairId,
        int sessionNumber,
        int sessionsTotal,
        Protocol protocol,
        Instant startsAt,
        Instant endsAt,
        Instant scheduledAt)
        implements PatientEvent {}
