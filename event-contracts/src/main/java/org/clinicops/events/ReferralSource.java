package org.clinicops.events;

/** Who asked for the consultation. */
public enum ReferralSource {
    SELF,
    PHYSICIAN,
    THERAPIST,
    OTHER
}
