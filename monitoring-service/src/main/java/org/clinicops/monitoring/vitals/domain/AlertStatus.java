package org.clinicops.monitoring.vitals.domain;

/** Where a vitals alert stands: open until a nurse acknowledges it, then closed when resolved. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    CLOSED
}
