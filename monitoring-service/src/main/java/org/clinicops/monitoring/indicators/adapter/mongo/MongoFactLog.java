package org.clinicops.monitoring.indicators.adapter.mongo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.monitoring.indicators.application.FactLog;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * One document per consumed event in {@code facts}, {@code _id} = the event's {@code ce_id}, so a
 * redelivered event can never be recorded twice. The payload is kept as the event's JSON.
 */
@Repository
class MongoFactLog implements FactLog {

    static final String COLLECTION = "facts";

    private final MongoTemplate mongo;

    MongoFactLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean append(RecordedEvent fact) {
        ClinicEvent event = fact.event();
        Document document = new Document("_id", fact.id())
                .append("type", event.eventType().type())
                .append("siteId", event.siteId())
                .append("time", Date.from(fact.time()))
                .append("payload", new String(EventJson.write(event), StandardCharsets.UTF_8));
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public List<RecordedEvent> all() {
        return read(new Document());
    }

    private List<RecordedEvent> read(Document filter) {
        List<RecordedEvent> facts = new ArrayList<>();
        for (Document document : mongo.getCollection(COLLECTION).find(filter)) {
            EventType type = EventType.fromType(document.getString("type")).orElse(null);
            if (type == null) {
                continue;
            }
            ClinicEvent event =
                    EventJson.read(document.getString("payload").getBytes(StandardCharsets.UTF_8), type.payloadClass());
            facts.add(new RecordedEvent(
                    document.getString("_id"), document.getDate("time").toInstant(), event));
        }
        return facts;
    }

    @Override
    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    @Override
    public void clear() {
        mongo.getCollection(COLLECTION).deleteMany(new Document());
    }
}
