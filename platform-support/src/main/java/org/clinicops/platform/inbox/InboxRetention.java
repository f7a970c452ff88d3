package org.clinicops.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * How long {@code processed_events} remembers an applied event: longer than any clinic topic keeps
 * its records ({@code clinic.kafka.topic-retention}), so a record read again from the start of a
 * topic (a consumer group whose offsets expired, a reset) is still recognised.
 *
 * <p>Two mechanisms, one rule: a TTL index on {@code processedAt} lets MongoDB expire entries by
 * itself, and {@link #sweep()} deletes the same entries for stores without TTL expiry (the local
 * development store) and as a safety net; both use the same retention.
 */
public final class InboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRetention.class);
    static final String INDEX = "processedAt_ttl";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    public InboxRetention(MongoTemplate mongo, Clock clock, Duration retention, Duration topicRetention) {
        if (retention.compareTo(topicRetention) <= 0) {
            throw new IllegalStateException("clinic.inbox.retention (" + retention
                    + ") must be longer than clinic.kafka.topic-retention (" + topicRetention
                    + "): an event read again from a topic must still be recognised as applied");
        }
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** The TTL index; idempotent. */
    public void createIndex() {
        mongo.indexOps(EventInbox.COLLECTION)
                .createIndex(new Index()
                        .on("processedAt", Sort.Direction.ASC)
                        .named(INDEX)
                        .expire(retention));
    }

    /** Deletes the entries older than the retention; returns how many. */
    public long sweep() {
        Date cutoff = Date.from(clock.instant().minus(retention));
        long deleted = mongo.getCollection(EventInbox.COLLECTION)
                .deleteMany(new Document("processedAt", new Document("$lt", cutoff)))
                .getDeletedCount();
        if (deleted > 0) {
            LOG.info("Removed {} applied-event record(s) older than {}", deleted, retention);
        }
        return deleted;
    }
}
