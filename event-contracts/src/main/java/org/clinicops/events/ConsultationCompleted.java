package org.clinicops.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The patient attended the consultation.
 *
 * @param newPatient {@code true} when the patient had no professional service at the group (no
 *     completed consultation, no completed or stopped infusion session at any of its sites) in the
 *     three years before this consultation's start, the CPT definition of a new patient; {@code
 *     false} for an established patient; {@code null} from producers before the field existed
 *     (consumers treat it as new, as they did before)
 * @param visitLevel the level of the evaluation the physician recorded (CPT medical decision making:
 *     moderate or high); {@code null} from producers before the field existed (consumers treat it as
 *     moderate)
 */
public record ConsultationCompleted(
        String appointmentId,
        String requestId,
        String patientId,
        String siteId,
        String clinicianId,
        Instant startsAt,
        Instant completedAt,
        @Nullable Boolean newPatient,
        @Nullable VisitLevel visitLevel)
        implements PatientEvent {

    /** A consultation without the new-or-established flag and level (as producers wrote it before them). */
    public ConsultationCompleted(
            String appointmentId,
            String requestId,
            String patientId,
            String siteId,
            String clinicianId,
            Instant startsAt,
            Instant completedAt) {
        this(appointmentId, requestId, patientId, siteId, clinicianId, startsAt, completedAt, null, null);
    }

    /** The level of an evaluation and management visit, by medical decision making. */
    public enum VisitLevel {
        /** Moderate complexity: 99204 for a new patient, 99214 for an established one. */
        MODERATE,
        /** High complexity: 99205 for a new patient, 99215 for an established one. */
        HIGH
    }
}
