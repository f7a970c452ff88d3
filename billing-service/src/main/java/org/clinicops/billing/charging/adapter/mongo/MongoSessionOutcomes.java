package org.clinicops.billing.charging.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.clinicops.billing.charging.application.SessionOutcomes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Session outcomes in {@code session_outcomes}: the unique {@code _id} (the appointment id) lets only
 * the first outcome of an appointment in.
 */
@Component
class MongoSessionOutcomes implements SessionOutcomes {

    static final String COLLECTION = "session_outcomes";

    private final MongoTemplate mongo;

    MongoSessionOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean claim(String appointmentId, Outcome outcome, Instant endedAt) {
        try {
            mongo.insert(
                    new Document("_id", appointmentId)
                            .append("outcome", outcome.name())
                            .append("endedAt", Date.from(endedAt)),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException recorded) {
            Document existing = mongo.findById(appointmentId, Document.class, COLLECTION);
            return existing != null && outcome.name().equals(existing.getString("outcome"));
        }
    }
}
