package org.clinicops.events;

import java.time.Instant;

/**
 * A vitals reading was recorded for an infusion session. The measured values stay in monitoring:
 * the event says only that and when a reading was taken, which is what scheduling's discharge check
 * ("a vitals reading within the last 15 minutes") needs.
 *
 * @param readingId id of the reading in monitoring
 * @param sessionId the infusion session, i.e. the scheduling appointment id
 * @param takenAt when the reading was taken at the chair
 * @param recordedAt when monitoring recorded it
 */
public record VitalsRecorded(
        String readingId, String sessionId, String patientId, String siteId, Instant takenAt, Instant recordedAt)
        implements PatientEvent {}
