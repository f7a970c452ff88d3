package org.clinicops.events;

import java.time.Instant;

/**
 * A side effect was recorded with its CTCAE grade (1 mild to 5 death).
 *
 * @param sessionId the infusion session, i.e. the scheduling appointment id
 * @param grade CTCAE grade, 1 to 5
 * @param serious grade 3 or above
 * @param actionTaken a code, never free text, e.g. {@code NONE}, {@code INFUSION_PAUSED}, {@code
 *     INFUSION_STOPPED}, {@code MEDICATION_GIVEN}, {@code TRANSFERRED}
 * @param outcome a code, never free text, e.g. {@code RESOLVED}, {@code RESOLVING}, {@code
 *     ONGOING}, {@code HOSPITALIZED}
 */
public record AdverseEventReported(
        String adverseEventId,
        String sessionId,
        String patientId,
        String siteId,
        AdverseEventCategory category,
        int grade,
        boolean serious,
        String actionTaken,
        String outcome,
        Instant onsetAt,
        Instant reportedAt)
        implements PatientEvent {}
