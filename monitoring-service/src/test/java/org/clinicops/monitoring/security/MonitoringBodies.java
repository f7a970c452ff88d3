package org.clinicops.monitoring.security;

import java.time.Instant;

/** Request bodies of the monitoring API for the security tests. */
final class MonitoringBodies {

    private MonitoringBodies() {}

    /** A reading; systolic over 200 raises a BP_SEVERE alert at once. */
    static String vitals(String patientId, String siteId, Instant takenAt, int systolic) {
        return """
                {"patientId":"%s","siteId":"%s","takenAt":"%s","systolic":%d,"diastolic":90,
                 "heartRate":80,"spo2":97,"respiratoryRate":14}""".formatted(patientId, siteId, takenAt, systolic);
    }

    /** An adverse event; grade 3 or more places a clinical hold. */
    static String adverseEvent(String patientId, String siteId, String sessionId, Instant onsetAt, int grade) {
        return """
                {"patientId":"%s","siteId":"%s","sessionId":"%s","category":"HEADACHE","grade":%d,
                 "onsetAt":"%s","actionTaken":"OBSERVATION","outcome":"RESOLVING"}""".formatted(patientId, siteId, sessionId, grade, onsetAt);
    }
}
