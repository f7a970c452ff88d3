package org.clinicops.monitoring.vitals.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An alert raised by a rule on one reading of a session. */
public class VitalsAlert {

    private String alertId;
    private String rule;
    private VitalsReading reading;
    private Instant raisedAt;
    private AlertStatus status;
    private @Nullable String acknowledgedBy;
    private @Nullable Instant acknowledgedAt;
    private @Nullable Instant closedAt;

    VitalsAlert(String alertId, String rule, VitalsReading reading, Instant raisedAt, AlertStatus status) {
        this.alertId = alertId;
        this.rule = rule;
        this.reading = reading;
        this.raisedAt = raisedAt;
        this.status = status;
    }

    void acknowledge(String by, Instant at) {
        if (status != AlertStatus.OPEN) {
            throw new AlertStateException(alertId, status, "acknowledge");
        }
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    void close(Instant at) {
        if (status == AlertStatus.CLOSED) {
            throw new AlertStateException(alertId, status, "close");
        }
        status = AlertStatus.CLOSED;
        closedAt = at;
    }

    boolean active() {
        return status != AlertStatus.CLOSED;
    }

    public String alertId() {
        return alertId;
    }

    public String rule() {
        return rule;
    }

    public VitalsReading reading() {
        return reading;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public AlertStatus status() {
        return status;
    }

    public @Nullable String acknowledgedBy() {
        return acknowledgedBy;
    }

    public @Nullable Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }
}
