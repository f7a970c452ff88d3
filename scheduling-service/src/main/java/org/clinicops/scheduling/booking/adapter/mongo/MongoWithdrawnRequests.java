package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.clinicops.scheduling.booking.application.WithdrawnRequests;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Withdrawn requests: one document per request id in {@code withdrawn_requests}, ids and times only. */
@Component
public class MongoWithdrawnRequests implements WithdrawnRequests {

    static final String COLLECTION = "withdrawn_requests";

    private final MongoTemplate mongo;

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
    }

    @Override
    public boolean isWithdrawn(String requestId) {
        return mongo.getCollection(COLLECTION)
                        .find(new Document("_id", requestId))
                        .first()
                != null;
    }
}
