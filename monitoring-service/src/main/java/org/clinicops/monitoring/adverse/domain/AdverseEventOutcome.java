package org.clinicops.monitoring.adverse.domain;

/** How an adverse event ended, as known when reported (a code, never free text). */
public enum AdverseEventOutcome {
    RESOLVED,
    RESOLVING,
    NOT_RESOLVED,
    RESOLVED_WITH_SEQUELAE,
    FATAL,
    UNKNOWN
}
