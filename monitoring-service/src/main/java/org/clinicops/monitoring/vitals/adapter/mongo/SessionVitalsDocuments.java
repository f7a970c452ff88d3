package org.clinicops.monitoring.vitals.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;

/**
 * The {@code session_vitals} documents as the queries read them: a session's readings or alerts
 * unwound by an aggregation, one document each, with their times as BSON dates.
 */
final class SessionVitalsDocuments {

    static final String COLLECTION = "session_vitals";

    private SessionVitalsDocuments() {}

    /** The documents the pipeline gives. */
    static List<Document> read(MongoTemplate mongo, List<AggregationOperation> pipeline) {
        return mongo.aggregate(Aggregation.newAggregation(pipeline), COLLECTION, Document.class)
                .getMappedResults();
    }

    /** How many documents the pipeline gives. */
    static long count(MongoTemplate mongo, List<AggregationOperation> pipeline) {
        List<AggregationOperation> counting = new ArrayList<>(pipeline);
        counting.add(Aggregation.count().as("total"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(counting), COLLECTION, Document.class)
                .getUniqueMappedResult();
        return counted == null ? 0 : ((Number) counted.get("total")).longValue();
    }

    static Instant instant(@Nullable Object value) {
        return Objects.requireNonNull(instantOrNull(value));
    }

    static @Nullable Instant instantOrNull(@Nullable Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
