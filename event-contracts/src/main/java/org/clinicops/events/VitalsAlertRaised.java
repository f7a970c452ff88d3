package org.clinicops.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Vitals crossed an alert threshold. The alert stays open until its {@link VitalsAlertClosed}.
 *
 * @param sessionId the infusion session, i.e. the scheduling appointment id
 * @param rule the threshold rule, e.g. {@code BP_SEVERE}, {@code BP_HIGH_REPEATED}, {@code
 *     HEART_RATE_SUSTAINED}, {@code SPO2_LOW}
 */
public record VitalsAlertRaised(
        String alertId,
        String sessionId,
        String patientId,
        String siteId,
        String rule,
        @Nullable Integer systolic,
        @Nullable Integer diastolic,
        @Nullable Integer heartRate,
        @Nullable Integer spo2,
        @Nullable Integer respiratoryRate,
        Instant takenAt,
        Instant raisedAt)
        implements PatientEvent {}
