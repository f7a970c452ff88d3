package org.clinicops.platform.inbox;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clinicops.platform.ops.OpsView;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ops view {@code inbox}: every event each handler of the service applied, as {@link
 * EventInbox} recorded it (kept for the inbox's retention).
 */
public class InboxView implements OpsView {

    private final MongoTemplate mongo;

    public InboxView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * An event one handler applied.
     *
     * @param id the entry's id, unique per handler and event
     * @param handler the handler name given to {@link EventInbox}
     * @param eventId the event's {@code ce_id}
     * @param type the event's CloudEvents type
     */
    public record Entry(
            String id,
            String handler,
            String eventId,
            @Nullable String type,
            @Nullable Instant processedAt) implements Row {}

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public List<Entry> rows(@Nullable String after, int limit) {
        return OpsView.firstAfter(mongo, Document.class, EventInbox.COLLECTION, after, limit).stream()
                .map(InboxView::entry)
                .toList();
    }

    private static Entry entry(Document d) {
        String id = d.getString("_id");
        String handler = EventInbox.handlerOf(id);
        Date at = d.getDate("processedAt");
        return new Entry(
                id,
                handler,
                id.substring(handler.length() + 1),
                d.getString("type"),
                at == null ? null : at.toInstant());
    }
}
