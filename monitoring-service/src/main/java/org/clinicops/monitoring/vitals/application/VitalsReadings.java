package org.clinicops.monitoring.vitals.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Reads charted readings one by one across sessions (what the FHIR API serves as vital-sign
 * Observations): sessions are filtered, their readings unwound, filtered, sorted, skipped and limited
 * by MongoDB, never loaded whole.
 */
@Service
public class VitalsReadings {

    private static final String COLLECTION = "session_vitals";

    private final SessionVitalsRepository sessions;
    private final MongoTemplate mongo;

    VitalsReadings(SessionVitalsRepository sessions, MongoTemplate mongo) {
        this.sessions = sessions;
        this.mongo = mongo;
    }

    /** A reading with the session, patient and site it was charted for. */
    public record ChartedReading(String sessionId, String patientId, String siteId, VitalsReading reading) {}

    /**
     * Which readings a search asks for.
     *
     * @param siteIds the sites to show; null: every site
     * @param patientId one patient; null: any
     * @param takenFrom taken at or after; null: open
     * @param takenBefore taken before; null: open
     */
    public record ReadingFilter(
            @Nullable Collection<String> siteIds,
            @Nullable String patientId,
            @Nullable Instant takenFrom,
            @Nullable Instant takenBefore) {}

    /** The readings the filter matches, newest first, from {@code offset}, at most {@code limit}. */
    public List<ChartedReading> find(ReadingFilter filter, long offset, int limit) {
        List<AggregationOperation> pipeline = new ArrayList<>(matching(filter));
        pipeline.add(Aggregation.sort(Sort.by(
                Sort.Order.desc("readings.takenAt"), Sort.Order.asc("_id"), Sort.Order.asc("readings.recordedAt"))));
        pipeline.add(Aggregation.skip(offset));
        pipeline.add(Aggregation.limit(limit));
        return read(pipeline);
    }

    /** How many readings the filter matches. */
    public long count(ReadingFilter filter) {
        List<AggregationOperation> pipeline = new ArrayList<>(matching(filter));
        pipeline.add(Aggregation.count().as("total"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(pipeline), COLLECTION, Document.class)
                .getUniqueMappedResult();
        return counted == null ? 0 : ((Number) counted.get("total")).longValue();
    }

    /** The reading with this id (every reading charted since readings had ids). */
    public Optional<ChartedReading> byId(String readingId) {
        List<AggregationOperation> pipeline = List.of(
                Aggregation.match(Criteria.where("readings.readingId").is(readingId)),
                Aggregation.unwind("readings"),
                Aggregation.match(Criteria.where("readings.readingId").is(readingId)),
                Aggregation.limit(1));
        return read(pipeline).stream().findFirst();
    }

    /** A reading charted before readings had ids, known by its session and the time it was taken. */
    public Optional<ChartedReading> withoutId(String sessionId, Instant takenAt) {
        return sessions.findById(sessionId)
                .flatMap(session -> session.readings().stream()
                        .filter(r -> r.readingId() == null && r.takenAt().equals(takenAt))
                        .findFirst()
                        .map(r -> of(session, r)));
    }

    /**
     * The readings of some sites recorded in {@code [since, before)}, in the order they were recorded,
     * from {@code offset}, at most {@code limit} (a bulk export reads them page by page).
     */
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
        return mongo
                .aggregate(Aggregation.newAggregation(pipeline), COLLECTION, Document.class)
                .getMappedResults()
                .stream()
                .map(VitalsReadings::charted)
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

    private static Instant instant(@Nullable Object value) {
        return ((Date) Objects.requireNonNull(value)).toInstant();
    }
}
