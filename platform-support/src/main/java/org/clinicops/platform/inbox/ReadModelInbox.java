package org.clinicops.platform.inbox;

import java.util.Date;
import org.bson.Document;
import org.clinicops.platform.outbox.AggregateRoot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The inbox of a read-model document changed by one update (an upsert by {@code _id}): the update
 * is made only when the document's {@code inbox} list does not hold the event's entry, and appends
 * the entry, in one command. A redelivered event matches nothing, and its upsert, trying to insert
 * a document under the taken {@code _id}, meets the duplicate key: a duplicate. The update and its
 * entry are one atomic document write, so a crash stores both or neither. The list keeps the last
 * {@link AggregateRoot#INBOX_KEPT_PER_HANDLER} entries of the document (of all its handlers), far
 * more than a read model's document receives; the updates themselves are idempotent besides
 * ({@code $max}, {@code $addToSet}).
 */
public final class ReadModelInbox {

    private static final String KEY = AggregateRoot.INBOX_FIELD + ".key";
    /** Lost races of two first writes of a document before giving up to the consumer's back-off. */
    private static final int ATTEMPTS = 3;

    private ReadModelInbox() {}

    /** Makes the update of document {@code id} unless it holds the entry; answers whether it did. */
    public static boolean upsertOnce(
            MongoTemplate mongo, String collection, Object id, Update update, AppliedEvent entry) {
        Query notYet = Query.query(Criteria.where("_id").is(id).and(KEY).ne(entry.key()));
        Document stored = new Document("key", entry.key()).append("type", entry.type());
        if (entry.appliedAt() != null) {
            stored.append("appliedAt", Date.from(entry.appliedAt()));
        }
        update.push(AggregateRoot.INBOX_FIELD)
                .slice(-AggregateRoot.INBOX_KEPT_PER_HANDLER)
                .each(stored);
        for (int tried = 1; ; tried++) {
            try {
                mongo.upsert(notYet, update, collection);
                return true;
            } catch (DuplicateKeyException taken) {
                // the document holds the entry (a duplicate), or a first write of it raced this one
                if (mongo.exists(
                        Query.query(Criteria.where("_id").is(id).and(KEY).is(entry.key())), collection)) {
                    return false;
                }
                if (tried >= ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }
}
