package org.clinicops.auth.users;

/** The roles of the platform, as they appear in the {@code roles} claim. */
public enum Role {
    /** everything, at every site */
    ADMIN,
    /** indicators and schedules of every site, no clinical detail */
    OPERATOR,
    INTAKE,
    CLINICIAN,
    NURSE,
    BILLING
}
