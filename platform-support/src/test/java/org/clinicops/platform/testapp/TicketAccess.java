package org.clinicops.platform.testapp;

import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Test access to the test aggregate. */
@Component
public class TicketAccess {

    private final MongoTemplate mongo;
    private final IdGenerator ids;
    private final Clock clock;
    private final TicketListener listener;

    TicketAccess(MongoTemplate mongo, IdGenerator ids, Clock clock, TicketListener listener) {
        this.mongo = mongo;
        this.ids = ids;
        this.clock = clock;
        this.listener = listener;
    }

    public Ticket open(String id, String patientId) {
        return mongo.save(Ticket.open(id, patientId, ids.eventId(), clock.instant()));
    }

    public int pendingEventsOf(String id) {
        Document doc =
                mongo.getCollection("tickets").find(new Document("_id", id)).first();
        return doc == null
                ? 0
                : doc.getList("outbox", Document.class, List.of()).size();
    }

    public Listener listener() {
        return new Listener(listener.applied);
    }

    /** What the listener applied. */
    public record Listener(List<String> applied) {}
}
