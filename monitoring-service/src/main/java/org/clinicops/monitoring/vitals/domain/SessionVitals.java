package org.clinicops.monitoring.vitals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.platform.outbox.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The vitals charted during one session and the alerts they raised. Readings, alerts and the
 * vitals-alert-raised events are stored in one document write.
 */
@Document("session_vitals")
@CompoundIndex(name = "site_active_alerts", def = "{'siteId': 1, 'activeAlerts': 1}")
public class SessionVitals extends AggregateRoot {

    @Id
    private String sessionId;

    @Version
    private @Nullable Long version;

    private String patientId;
    private String siteId;
    private List<VitalsReading> readings = new ArrayList<>();
    private List<VitalsAlert> alerts = new ArrayList<>();

    @Indexed
    private List<String> alertIds = new ArrayList<>();

    private int activeAlerts;

    SessionVitals(String sessionId, String patientId, String siteId) {
        this.sessionId = sessionId;
        this.patientId = patientId;
        this.siteId = siteId;
    }

    public static SessionVitals start(String sessionId, String patientId, String siteId) {
        return new SessionVitals(sessionId, patientId, siteId);
    }

    /** Whether readings for this patient and site belong to this session. */
    public boolean belongsTo(String patientId, String siteId) {
        return this.patientId.equals(patientId) && this.siteId.equals(siteId);
    }

    /**
     * Charts a reading and raises an alert for each rule it crosses, unless an alert of that rule is
     * still active in this session.
     *
     * @return the alerts raised by this reading
     */
    public List<VitalsAlert> chart(
            VitalsReading reading,
            Thresholds thresholds,
            List<VitalsRule> rules,
            Supplier<String> alertIdSource,
            Supplier<String> eventIdSource) {
        List<VitalsReading> earlier = readings.stream()
                .filter(r -> r.takenAt().isBefore(reading.takenAt()))
                .sorted(Comparator.comparing(VitalsReading::takenAt))
                .toList();
        readings.add(reading);
        readings.sort(Comparator.comparing(VitalsReading::takenAt));
        List<VitalsAlert> raised = new ArrayList<>();
        Instant now = reading.recordedAt();
        for (VitalsRule rule : rules) {
            boolean alreadyActive =
                    alerts.stream().anyMatch(a -> a.active() && a.rule().equals(rule.name()));
            if (alreadyActive || !rule.crossedBy(reading, earlier, thresholds)) {
                continue;
            }
            VitalsAlert alert = new VitalsAlert(alertIdSource.get(), rule.name(), reading, now, AlertStatus.OPEN);
            alerts.add(alert);
            alertIds.add(alert.alertId());
            raised.add(alert);
            raise(
                    new VitalsAlertRaised(
                            alert.alertId(),
                            sessionId,
                            patientId,
                            siteId,
                            rule.name(),
                            reading.systolic(),
                            reading.diastolic(),
                            reading.heartRate(),
                            reading.spo2(),
                            reading.respiratoryRate(),
                            reading.takenAt(),
                            now),
                    eventIdSource.get(),
                    now);
        }
        activeAlerts = (int) alerts.stream().filter(VitalsAlert::active).count();
        return raised;
    }

    public VitalsAlert acknowledge(String alertId, String by, Instant at) {
        VitalsAlert alert = alert(alertId).orElseThrow(() -> new IllegalArgumentException("no alert " + alertId));
        alert.acknowledge(by, at);
        return alert;
    }

    public VitalsAlert close(String alertId, Instant at) {
        VitalsAlert alert = alert(alertId).orElseThrow(() -> new IllegalArgumentException("no alert " + alertId));
        alert.close(at);
        activeAlerts = (int) alerts.stream().filter(VitalsAlert::active).count();
        return alert;
    }

    public Optional<VitalsAlert> alert(String alertId) {
        return alerts.stream().filter(a -> a.alertId().equals(alertId)).findFirst();
    }

    public String sessionId() {
        return sessionId;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public List<VitalsReading> readings() {
        return List.copyOf(readings);
    }

    public List<VitalsAlert> alerts() {
        return List.copyOf(alerts);
    }

    public int activeAlerts() {
        return activeAlerts;
    }
}
