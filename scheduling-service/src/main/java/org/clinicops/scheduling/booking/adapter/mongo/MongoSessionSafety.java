package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.clinicops.platform.inbox.AppliedEvent;
import org.clinicops.platform.inbox.ReadModelInbox;
import org.clinicops.scheduling.booking.application.SessionSafetyLog;
import org.clinicops.scheduling.booking.domain.SessionSafety;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The session-safety read model: one document per session in {@code session_safety}, {@code _id} =
 * the session (appointment) id, with {@code lastVitalsAt} (kept with {@code $max}) and the ids of the
 * alerts raised and closed (sets, {@code $addToSet}). An alert is open while it is raised and not
 * closed. Every write is an upsert by {@code _id}: replays and either order are harmless, and a read
 * is one lookup by {@code _id}. A consumed event is applied once ({@link ReadModelInbox}): the
 * document keeps the events' entries in its own {@code inbox}, written by the same upsert.
 */
@Component
public class MongoSessionSafety implements SessionSafetyLog {

    static final String COLLECTION = "session_safety";

    private final MongoTemplate mongo;

    public MongoSessionSafety(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean vitalsTaken(String sessionId, Instant takenAt, AppliedEvent entry) {
        return upsertOnce(sessionId, new Update().max("lastVitalsAt", Date.from(takenAt)), entry);
    }

    @Override
    public boolean alertRaised(String sessionId, String alertId, AppliedEvent entry) {
        return upsertOnce(sessionId, new Update().addToSet("raisedAlerts", alertId), entry);
    }

    @Override
    public boolean alertClosed(String sessionId, String alertId, AppliedEvent entry) {
        return upsertOnce(sessionId, new Update().addToSet("closedAlerts", alertId), entry);
    }

    private boolean upsertOnce(String sessionId, Update update, AppliedEvent entry) {
        return ReadModelInbox.upsertOnce(mongo, COLLECTION, sessionId, update, entry);
    }

    @Override
    public SessionSafety of(String sessionId) {
        Document doc = mongo.findOne(byId(sessionId), Document.class, COLLECTION);
        if (doc == null) {
            return SessionSafety.NOTHING_RECORDED;
        }
        Date last = doc.getDate("lastVitalsAt");
        Set<String> open = new HashSet<>(strings(doc, "raisedAlerts"));
        open.removeAll(strings(doc, "closedAlerts"));
        return new SessionSafety(last == null ? null : last.toInstant(), open);
    }

    private static Query byId(String sessionId) {
        return Query.query(Criteria.where("_id").is(sessionId));
    }

    private static List<String> strings(Document doc, String field) {
        List<String> values = doc.getList(field, String.class);
        return values == null ? List.of() : values;
    }
}
