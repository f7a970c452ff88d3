package org.clinicops.monitoring.vitals.application;

import java.time.Instant;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsAlert;
import org.jspecify.annotations.Nullable;

/** An alert as staff see it. */
public record AlertView(
        String alertId,
        String sessionId,
        String patientId,
        String siteId,
        String rule,
        String status,
        int systolic,
        int diastolic,
        int heartRate,
        int spo2,
        int respiratoryRate,
        Instant takenAt,
        Instant raisedAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant closedAt) {

    public static AlertView of(SessionVitals session, VitalsAlert alert) {
        var r = alert.reading();
        return new AlertView(
                alert.alertId(),
                session.sessionId(),
                session.patientId(),
                session.siteId(),
                alert.rule(),
                alert.status().name(),
                r.systolic(),
                r.diastolic(),
                r.heartRate(),
                r.spo2(),
                r.respiratoryRate(),
                r.takenAt(),
                alert.raisedAt(),
                alert.acknowledgedBy(),
                alert.acknowledgedAt(),
                alert.closedAt());
    }
}
