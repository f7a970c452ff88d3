package org.clinicops.events;

import java.time.Instant;

/** A booked session moved to another time or chair. */
public record InfusionRescheduled(
        String appointmentId,
        String planId,
        String patientId,
        String siteId,
        String chairId,
        int sessionNumber,
        Instant previousStartsAt,
        Instant startsAt,
        Instant endsAt,
        Instant rescheduledAt)
        implements PatientEvent {}
