package org.clinicops.platform.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clinicops.platform.ops.OpsView;
import org.clinicops.platform.outbox.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The ops view {@code inbox}: every event each handler of the service applied, as {@link
 * EventInbox} recorded it: the entries of {@code processed_events} (kept for the inbox's retention)
 * and those kept inside the aggregate documents a handler changed ({@link
 * EventInbox#processInDocument}), one list in id order ({@code handler/ce_id}).
 */
public class InboxView implements OpsView {

    private static final String KEY = AggregateRoot.INBOX_FIELD + ".key";

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
     * @param store where the entry is kept: {@code processed_events}, or the collection of the
     *     document the event changed
     */
    public record Entry(
            String id,
            String handler,
            String eventId,
            @Nullable String type,
            @Nullable Instant processedAt,
            String store)
            implements Row {}

    @Override
    public String name() {
        return "inbox";
    }

    @Override
    public List<Entry> rows(@Nullable String after, int limit) {
        List<Entry> rows = new ArrayList<>();
        OpsView.firstAfter(mongo, Document.class, EventInbox.COLLECTION, after, limit).stream()
                .map(d ->
                        entry(d.getString("_id"), d.getString("type"), d.getDate("processedAt"), EventInbox.COLLECTION))
                .forEach(rows::add);
        for (String collection : documentInboxes()) {
            rows.addAll(inDocuments(collection, after, limit));
        }
        return rows.stream()
                .sorted(Comparator.comparing(Entry::id))
                .limit(limit)
                .toList();
    }

    /** The collections of aggregates, which may keep their own inbox. */
    private List<String> documentInboxes() {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> AggregateRoot.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
    }

    private List<Entry> inDocuments(String collection, @Nullable String after, int limit) {
        Document match = after == null
                ? new Document(KEY, new Document("$exists", true))
                : new Document(KEY, new Document("$gt", after));
        List<Document> pipeline = List.of(
                new Document("$match", match),
                new Document("$project", new Document(AggregateRoot.INBOX_FIELD, 1)),
                new Document("$unwind", "$" + AggregateRoot.INBOX_FIELD),
                new Document("$match", match),
                new Document("$sort", new Document(KEY, 1)),
                new Document("$limit", limit));
        List<Entry> rows = new ArrayList<>();
        for (Document d : mongo.getCollection(collection).aggregate(pipeline)) {
            Document applied = d.get(AggregateRoot.INBOX_FIELD, Document.class);
            rows.add(entry(
                    applied.getString("key"), applied.getString("type"), applied.getDate("appliedAt"), collection));
        }
        return rows;
    }

    private static Entry entry(String id, @Nullable String type, @Nullable Date at, String store) {
        return new Entry(
                id,
                EventInbox.handlerOf(id),
                EventInbox.eventIdOf(id),
                type,
                at == null ? null : at.toInstant(),
                store);
    }
}
