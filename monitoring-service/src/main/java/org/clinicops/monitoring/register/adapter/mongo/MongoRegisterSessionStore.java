package org.clinicops.monitoring.register.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.application.RegisterSessionStore;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.monitoring.register.domain.RegisterSession;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@code register_sessions}: upserts of the fields each event knows, so any order and any replay agree. */
@Repository
class MongoRegisterSessionStore implements RegisterSessionStore {

    static final String SESSIONS = "register_sessions";

    private final MongoTemplate mongo;

    MongoRegisterSessionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RegisterSession> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, RegisterSession.class, SESSIONS));
    }

    @Override
    public void identify(String sessionId, String siteId, String patientId) {
        mongo.upsert(
                query(where("_id").is(sessionId)),
                new Update().setOnInsert("siteId", siteId).setOnInsert("patientId", patientId),
                RegisterSession.class,
                SESSIONS);
    }

    @Override
    public void ended(String sessionId, String siteId, String patientId, BigDecimal administeredMg, Instant endedAt) {
        mongo.upsert(
                query(where("_id").is(sessionId)),
                new Update()
                        .set("siteId", siteId)
                        .set("patientId", patientId)
                        .set("administeredMg", Quantities.mg(administeredMg))
                        .set("endedAt", endedAt),
                RegisterSession.class,
                SESSIONS);
    }

    @Override
    public void endedWithoutInfusion(String sessionId, String siteId, String patientId, String how) {
        mongo.upsert(
                query(where("_id").is(sessionId)),
                new Update().set("siteId", siteId).set("patientId", patientId).set("endedWithoutInfusion", how),
                RegisterSession.class,
                SESSIONS);
    }

    @Override
    public List<RegisterSession> dueForCheck(Instant endedBefore, int limit) {
        return mongo.find(
                query(where("endedAt").lte(endedBefore).and("checkedAt").is(null))
                        .with(Sort.by("endedAt"))
                        .limit(limit),
                RegisterSession.class,
                SESSIONS);
    }

    @Override
    public void checked(String sessionId, Instant at) {
        mongo.updateFirst(
                query(where("_id").is(sessionId)), new Update().set("checkedAt", at), RegisterSession.class, SESSIONS);
    }

    @Override
    public List<RegisterSession> endedBetween(Instant from, Instant to) {
        return mongo.find(query(where("endedAt").gte(from).lt(to)), RegisterSession.class, SESSIONS);
    }
}
