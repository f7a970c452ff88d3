package org.clinicops.monitoring.vitals.adapter.mongo;

import static org.clinicops.monitoring.vitals.adapter.mongo.SessionVitalsDocuments.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.monitoring.vitals.application.VitalsReadings;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Readings unwound from the sessions' documents in {@code session_vitals}: sessions are filtered,
 * their readings unwound, filtered, sorted, skipped and limited by MongoDB, never loaded whole.
 */
@Component
class MongoVitalsReadings implements VitalsReadings {

    private final SpringDataSessionVitals sessions;
    private final MongoTemplate mongo;

    MongoVitalsReadings(SpringDataSessionVitals sessions, MongoTemplate mongo) {
        this.sessions = sessions;
        this.mongo = mongo;
    }

    @Override
    public List<ChartedReading> find(ReadingFilter filter, long offset, int limit) {
        List<AggregationOperation> pipeline = new ArrayList<>(matching(filter));
        pipeline.add(Aggregation.sort(Sort.by(
                Sort.Order.desc("readings.takenAt"), Sort.Order.asc("_id"), Sort.Order.asc("readings.recordedAt"))));
        pipeline.add(Aggregation.skip(offset));
        pipeline.add(Aggregation.limit(limit));
        return read(pipeline);
    }

    @Override
    public long count(ReadingFilter filter) {
        return SessionVitalsDocuments.count(mongo, matching(filter));
    }

    @Override
    public Optional<ChartedReading> byId(String readingId) {
        List<AggregationOperation> pipeline = List.of(
                Aggregation.match(Criteria.where("readings.readingId").is(readingId)),
                Aggregation.unwind("readings"),
                Aggregation.match(Criteria.where("readings.readingId").is(readingId)),
                Aggregation.limit(1));
        return read(pipeline).stream().findFirst();
    }

    @Override
    public Optional<ChartedReading> withoutId(String sessionId, Instant takenAt) {
        return sessions.findById(sessionId)
                .flatMap(session -> session.readings().stream()
                        .filter(r -> r.readingId() == null && r.takenAt().equals(takenAt))
                        .findFirst()
                        .map(r -> of(session, r)));
    }

    @Override
    public List<ChartedReading> recorded(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit) {
        Criteria recorded = Criteria.where("readings.recordedAt").lt(Date.from(before));
        if (since != null) {
            recorded = recorded.gte(Date.from(since));
        }
        List<AggregationOperation> pipeline = List.of(
                Aggregation.match(
                        siteIds == null
                                ? new Criteria()
                                : Criteria.where("siteId").in(siteIds)),
                Aggregation.unwind("readings"),
                Aggregation.match(recorded),
                Aggregation.sort(Sort.by(
                        Sort.Order.asc("readings.recordedAt"),
                        Sort.Order.asc("_id"),
                        Sort.Order.asc("readings.takenAt"))),
                Aggregation.skip(offset),
                Aggregation.limit(limit));
        return read(pipeline);
    }

    private static List<AggregationOperation> matching(ReadingFilter filter) {
        Criteria sessionsWanted = new Criteria();
        if (filter.siteIds() != null) {
            sessionsWanted = sessionsWanted.and("siteId").in(filter.siteIds());
        }
        if (filter.patientId() != null) {
            sessionsWanted = sessionsWanted.and("patientId").is(filter.patientId());
        }
        Criteria readingsWanted = new Criteria();
        if (filter.takenFrom() != null || filter.takenBefore() != null) {
            readingsWanted = Criteria.where("readings.takenAt");
            if (filter.takenFrom() != null) {
                readingsWanted = readingsWanted.gte(Date.from(filter.takenFrom()));
            }
            if (filter.takenBefore() != null) {
                readingsWanted = readingsWanted.lt(Date.from(filter.takenBefore()));
            }
        }
        return List.of(
                Aggregation.match(sessionsWanted), Aggregation.unwind("readings"), Aggregation.match(readingsWanted));
    }

    private List<ChartedReading> read(List<AggregationOperation> pipeline) {
        return SessionVitalsDocuments.read(mongo, pipeline).stream()
                .map(MongoVitalsReadings::charted)
                .toList();
    }

    private static ChartedReading of(SessionVitals session, VitalsReading reading) {
        return new ChartedReading(session.sessionId(), session.patientId(), session.siteId(), reading);
    }

    /** A reading unwound from its session's document. */
    private static ChartedReading charted(Document unwound) {
        Document reading = unwound.get("readings", Document.class);
        return new ChartedReading(
                unwound.getString("_id"),
                unwound.getString("patientId"),
                unwound.getString("siteId"),
                new VitalsReading(
                        instant(reading.get("takenAt")),
                        reading.getInteger("systolic"),
                        reading.getInteger("diastolic"),
                        reading.getInteger("heartRate"),
                        reading.getInteger("spo2"),
                        reading.getInteger("respiratoryRate"),
                        instant(reading.get("recordedAt")),
                        reading.getString("readingId")));
    }
}
