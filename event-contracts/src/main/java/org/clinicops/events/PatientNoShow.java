package org.clinicops.events;

import java.time.Instant;

/** The patient did not come to a booked session. */
public record PatientNoShow(
        String appointmentId,
        String planId,
        String patientId,
        String siteId,
        int sessionNumber,
        Instant startsAt,
        Instant recordedAt)
        implements PatientEvent {}
