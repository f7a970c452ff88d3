package org.clinicops.monitoring.vitals.domain;

/** An alert was asked to move to a state it cannot reach from its current one. */
public class AlertStateException extends RuntimeException {

    private final AlertStatus status;

    public AlertStateException(String alertId, AlertStatus status, String action) {
        super("cannot " + action + " alert " + alertId + ": it is " + status);
        this.status = status;
    }

    public AlertStatus status() {
        return status;
    }
}
