package org.clinicops.monitoring.vitals.domain;

import java.time.Instant;

/** One set of vitals taken during a session. */
public record VitalsReading(
        Instant takenAt,
        int systolic,
        int diastolic,
        int heartRate,
        int spo2,
        int respiratoryRate,
        Instant recordedAt) {}
