package org.clinicops.monitoring.vitals.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A nurse charts one set of vitals for a session.
 *
 * @param patientId the patient the request names (must be the session's), null when it names none
 * @param siteId the site the request names (must be the session's), null when it names none
 */
public record ChartVitalsCommand(
        String sessionId,
        @Nullable String patientId,
        @Nullable String siteId,
        Instant takenAt,
        int systolic,
        int diastolic,
        int heartRate,
        int spo2,
        int respiratoryRate) {}
