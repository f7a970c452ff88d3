package org.clinicops.monitoring.vitals.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.monitoring.vitals.domain.AlertStatus;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Reads alerts and session charts. */
@Service
public class AlertQueries {

    private static final String COLLECTION = "session_vitals";

    private final SessionVitalsRepository sessions;
    private final MongoTemplate mongo;

    AlertQueries(SessionVitalsRepository sessions, MongoTemplate mongo) {
        this.sessions = sessions;
        this.mongo = mongo;
    }

    /**
     * One page of the alerts of some sites (or of every site), newest first, read from the store with
     * a limit: sessions are filtered, their alerts unwound, sorted, skipped and limited by MongoDB,
     * never loaded whole.
     *
     * @param siteIds the sites to show; null: every site
     * @param open true: only alerts not closed yet; false: only closed ones; null: all
     */
    public Page<AlertView> alerts(@Nullable Collection<String> siteIds, @Nullable Boolean open, Pageable page) {
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
        pageOf.add(Aggregation.skip(page.getOffset()));
        pageOf.add(Aggregation.limit(page.getPageSize()));
        List<AlertView> content =
                mongo
                        .aggregate(Aggregation.newAggregation(pageOf), COLLECTION, Document.class)
                        .getMappedResults()
                        .stream()
                        .map(AlertQueries::view)
                        .toList();

        List<AggregationOperation> counting = new ArrayList<>(filter);
        counting.add(Aggregation.count().as("total"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(counting), COLLECTION, Document.class)
                .getUniqueMappedResult();
        long total = counted == null ? 0 : ((Number) counted.get("total")).longValue();
        return new PageImpl<>(content, page, total);
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

    private static Instant instant(@Nullable Object value) {
        return Objects.requireNonNull(instantOrNull(value));
    }

    private static @Nullable Instant instantOrNull(@Nullable Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    public Optional<SessionVitals> session(String sessionId) {
        return sessions.findById(sessionId);
    }

    /** Per site: how many alerts are active (not closed) and when the oldest of them was raised. */
    public record ActiveAlerts(long count, Instant oldestRaisedAt) {}

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
