package org.clinicops.monitoring.vitals.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One set of vitals taken during a session.
 *
 * @param readingId the reading's id, carried by its vitals-recorded event; null only for readings
 *     charted before readings had ids
 */
public record VitalsReading(
        Instant takenAt,
        int systolic,
        int diastolic,
        int heartRate,
        int spo2,
        int respiratoryRate,
        Instant recordedAt,
        @Nullable String readingId) {}
