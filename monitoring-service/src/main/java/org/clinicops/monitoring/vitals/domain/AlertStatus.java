package org.clinicops.monitoring.vitals.domain;

/**
 * Where a vitals alert stands: {@link #OPEN} when raised, {@link #ACKNOWLEDGED} once a nurse is on
 * it, {@link #CLOSED} when resolved. Only closing ends the alert: an acknowledged alert is still
 * open for scheduling's discharge check, and vitals-alert-closed is published when it is closed.
 */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    CLOSED
}
