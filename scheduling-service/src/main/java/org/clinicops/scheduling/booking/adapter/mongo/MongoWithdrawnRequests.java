package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.clinicops.scheduling.booking.application.WithdrawnRequests;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Withdrawn requests: one document per request id in {@code withdrawn_requests}, ids and times only.
 * The ids are also kept in memory (read once, then added as remembered here) to spare booking a
 * store read per request.
 */
@Component
public class MongoWithdrawnRequests implements WithdrawnRequests {

    static final String COLLECTION = "withdrawn_requests";

    private final MongoTemplate mongo;
    /** The withdrawals stored when first asked and those remembered here since (ids only; they are rare). */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private volatile boolean loaded;

    public MongoWithdrawnRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(String requestId, String patientId, String siteId, Instant withdrawnAt) {
        try {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(requestId)),
                    new Update()
                            .setOnInsert("patientId", patientId)
                            .setOnInsert("siteId", siteId)
                            .setOnInsert("withdrawnAt", Date.from(withdrawnAt)),
                    COLLECTION);
        } catch (DuplicateKeyException rememberedConcurrently) {
            // two upserts of the same id raced: it is remembered either way
        }
        known.add(requestId);
    }

    @Override
    public boolean isKnownWithdrawn(String requestId) {
        if (!loaded) {
            load();
        }
        return known.contains(requestId);
    }

    private synchronized void load() {
        if (!loaded) {
            mongo.getCollection(COLLECTION)
                    .find()
                    .projection(new Document("_id", 1))
                    .forEach(doc -> known.add(String.valueOf(doc.get("_id"))));
            loaded = true;
        }
    }

    @Override
    public boolean isWithdrawn(String requestId) {
        return mongo.getCollection(COLLECTION)
                        .find(new Document("_id", requestId))
                        .first()
                != null;
    }
}
