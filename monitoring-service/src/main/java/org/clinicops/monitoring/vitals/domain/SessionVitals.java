package org.clinicops.monitoring.vitals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;
import org.clinicops.platform.outbox.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The vitals charted during one session and the alerts they raised. Readings, alerts and their
 * events (vitals-recorded, vitals-alert-raised, vitals-alert-closed) are stored in one document
 * write.
 *
 * <p>An alert is open, for scheduling's discharge check, from its vitals-alert-raised until its
 * vitals-alert-closed: acknowledging it (a nurse is on it) leaves it open; closing it (resolved)
 * closes it, whether it was acknowledged first or not.
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
     * Charts a reading (raising vitals-recorded, without the measured values) and raises an alert
     * for each rule it crosses, unless an alert of that rule is still active in this session.
     *
     * @param reading a new reading, with its id
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
        String readingId = reading.readingId();
        if (readingId == null) {
            throw new IllegalArgumentException("a new reading needs its id");
        }
        readings.add(reading);
        readings.sort(Comparator.comparing(VitalsReading::takenAt));
        List<VitalsAlert> raised = new ArrayList<>();
        Instant now = reading.recordedAt();
        raise(
                new VitalsRecorded(readingId, sessionId, patientId, siteId, reading.takenAt(), now),
                eventIdSource.get(),
                now);
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

    /** Closes an open or acknowledged alert (resolved) and raises vitals-alert-closed. */
    public VitalsAlert close(String alertId, Instant at, String eventId) {
        VitalsAlert alert = alert(alertId).orElseThrow(() -> new IllegalArgumentException("no alert " + alertId));
        alert.close(at);
        activeAlerts = (int) alerts.stream().filter(VitalsAlert::active).count();
        raise(new VitalsAlertClosed(alertId, sessionId, patientId, siteId, at), eventId, at);
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
