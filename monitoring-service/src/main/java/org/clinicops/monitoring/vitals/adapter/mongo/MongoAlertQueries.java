package org.clinicops.monitoring.vitals.adapter.mongo;

import static org.clinicops.monitoring.vitals.adapter.mongo.SessionVitalsDocuments.instant;
import static org.clinicops.monitoring.vitals.adapter.mongo.SessionVitalsDocuments.instantOrNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.clinicops.monitoring.vitals.application.AlertView;
import org.clinicops.monitoring.vitals.domain.AlertStatus;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Alerts unwound from the sessions' documents in {@code session_vitals}, and session charts. */
@Component
class MongoAlertQueries implements AlertQueries {

    private final SpringDataSessionVitals sessions;
    private final MongoTemplate mongo;

    MongoAlertQueries(SpringDataSessionVitals sessions, MongoTemplate mongo) {
        this.sessions = sessions;
        this.mongo = mongo;
    }

    /**
     * Sessions are filtered, their alerts unwound, sorted, skipped and limited by MongoDB, never
     * loaded whole.
     */
    @Override
    public Page<AlertView> alerts(@Nullable Collection<String> siteIds, @Nullable Boolean open, PageRequest page) {
        Criteria sessionsWanted = new Criteria();
        if (siteIds != null) {
            sessionsWanted = sessionsWanted.and("siteId").in(siteIds);
        }
        if (Boolean.TRUE.equals(open)) {
            sessionsWanted = sessionsWanted.and("activeAlerts").gt(0);
        }
        Criteria alertsWanted = open == null
                ? new Criteria()
                : open
                        ? Criteria.where("alerts.status").ne(AlertStatus.CLOSED.name())
                        : Criteria.where("alerts.status").is(AlertStatus.CLOSED.name());
        List<AggregationOperation> filter = List.of(
                Aggregation.match(sessionsWanted), Aggregation.unwind("alerts"), Aggregation.match(alertsWanted));

        List<AggregationOperation> pageOf = new ArrayList<>(filter);
        pageOf.add(Aggregation.sort(Sort.by(Sort.Order.desc("alerts.raisedAt"), Sort.Order.asc("alerts.alertId"))));
        pageOf.add(Aggregation.skip(page.offset()));
        pageOf.add(Aggregation.limit(page.size()));
        List<AlertView> content = SessionVitalsDocuments.read(mongo, pageOf).stream()
                .map(MongoAlertQueries::view)
                .toList();
        return new Page<>(content, page, SessionVitalsDocuments.count(mongo, filter));
    }

    /** An alert unwound from its session's document. */
    private static AlertView view(Document unwound) {
        Document alert = unwound.get("alerts", Document.class);
        Document reading = alert.get("reading", Document.class);
        return new AlertView(
                alert.getString("alertId"),
                unwound.getString("_id"),
                unwound.getString("patientId"),
                unwound.getString("siteId"),
                alert.getString("rule"),
                alert.getString("status"),
                reading.getInteger("systolic"),
                reading.getInteger("diastolic"),
                reading.getInteger("heartRate"),
                reading.getInteger("spo2"),
                reading.getInteger("respiratoryRate"),
                instant(reading.get("takenAt")),
                instant(alert.get("raisedAt")),
                alert.getString("acknowledgedBy"),
                instantOrNull(alert.get("acknowledgedAt")),
                instantOrNull(alert.get("closedAt")));
    }

    @Override
    public Optional<SessionVitals> session(String sessionId) {
        return sessions.findById(sessionId);
    }

    @Override
    public Map<String, ActiveAlerts> activeAlertsSummary() {
        Map<String, ActiveAlerts> bySite = new HashMap<>();
        for (SessionVitals session : sessions.findByActiveAlertsGreaterThan(0)) {
            for (var alert : session.alerts()) {
                if (alert.status() == AlertStatus.CLOSED) {
                    continue;
                }
                bySite.merge(
                        session.siteId(),
                        new ActiveAlerts(1, alert.raisedAt()),
                        (a, b) -> new ActiveAlerts(
                                a.count() + b.count(),
                                a.oldestRaisedAt().isBefore(b.oldestRaisedAt())
                                        ? a.oldestRaisedAt()
                                        : b.oldestRaisedAt()));
            }
        }
        return bySite;
    }
}
