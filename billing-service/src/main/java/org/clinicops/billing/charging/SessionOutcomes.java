package org.clinicops.billing.charging;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How each infusion appointment ended as far as billing is concerned: the first of session-completed
 * and session-stopped to arrive owns the appointment ({@code session_outcomes}, unique {@code _id} =
 * appointment id), so the other one never charges, in either order, even when the first charged
 * nothing (a session stopped before anything was given).
 */
@Component
class SessionOutcomes {

    static final String COLLECTION = "session_outcomes";

    /** How a session ended. */
    enum Outcome {
        COMPLETED,
        STOPPED
    }

    private final MongoTemplate mongo;

    SessionOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records the outcome of an appointment unless one is recorded. True when this outcome is the
     * appointment's (just recorded or recorded before, e.g. by a redelivery whose charge failed half
     * way), false when the appointment ended the other way.
     */
    boolean claim(String appointmentId, Outcome outcome, Instant endedAt) {
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
