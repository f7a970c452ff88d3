package org.clinicops.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The patient (or staff on their behalf) withdrew an open consultation request. Scheduling takes the
 * request off its waiting list and cancels its consultation if it has not been held yet.
 *
 * @param reason why, as a bounded code; {@code null} when none was given
 * @param withdrawnAt when the request was withdrawn (business time)
 */
public record ConsultationRequestWithdrawn(
        String requestId,
        String patientId,
        String siteId,
        @Nullable Reason reason,
        Instant withdrawnAt) implements PatientEvent {

    /** Why a request was withdrawn: codes, never the patient's words. */
    public enum Reason {
        /** The patient no longer wants the consultation. */
        PATIENT_CHOICE,
        /** The patient is treated elsewhere. */
        TREATED_ELSEWHERE,
        /** The cost or coverage stopped the patient. */
        COST,
        /** The clinic could not reach the patient. */
        NO_RESPONSE,
        /** The request duplicates another one of the same patient. */
        DUPLICATE,
        OTHER
    }
}
