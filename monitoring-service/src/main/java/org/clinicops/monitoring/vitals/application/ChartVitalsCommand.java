package org.clinicops.monitoring.vitals.application;

import java.time.Instant;

/** A nurse charts one set of vitals for a session. */
public record ChartVitalsCommand(
        String sessionId,
        String patientId,
        String siteId,
        Instant takenAt,
        int systolic,
        int diastolic,
        int heartRate,
        int spo2,
        int respiratoryRate) {}
