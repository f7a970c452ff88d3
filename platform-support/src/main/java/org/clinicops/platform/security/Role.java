package org.clinicops.platform.security;

/**
 * What a member of staff may do. Each role reaches only its own endpoints; {@link #ADMIN} reaches
 * every endpoint. Tokens carry role names in their {@code roles} claim.
 */
public enum Role {
    /** Everything, at every site: configuration, audit trail, actuator. */
    ADMIN,
    /** Runs several sites: indicators, schedules and site settings, no clinical detail. */
    OPERATOR,
    /** Intake coordinators: consultation requests, screening and patient records. */
    INTAKE,
    /** Clinicians: screening, decisions, treatment plans, sessions, holds. */
    CLINICIAN,
    /** Nurses: the day's sessions, vitals and adverse events. */
    NURSE,
    /** Billing staff: invoices, payments, assistance, fee schedules. */
    BILLING;

    /** The Spring Security authority of this role ({@code ROLE_NURSE}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
