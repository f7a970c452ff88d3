package org.clinicops.scheduling.booking.domain;

/**
 * The checks an infusion session must pass to complete (discharge), by their stable codes, in the
 * order a refusal lists them. The codes are those of {@code SessionCompleted.OVERRIDABLE_CHECKS}: a
 * CLINICIAN or ADMIN may override any of them with a reason.
 */
public enum DischargeCheck {
    /** The minimum observation time after the infusion ended has not passed. */
    OBSERVATION_TOO_SHORT,
    /** No vitals reading was taken within the configured window before now. */
    NO_RECENT_VITALS,
    /** A vitals alert of the session is still open. */
    OPEN_ALERT,
    /** The protocol requires an escort and the patient leaves without one. */
    NO_ESCORT,
    /** The dose given is further than the tolerance from the plan's dose for the day's weight. */
    DOSE_OFF_PLAN
}
