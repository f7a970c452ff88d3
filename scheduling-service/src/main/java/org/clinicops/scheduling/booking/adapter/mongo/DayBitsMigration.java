package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Layout {@value #VERSION}: turns the day buckets of layout {@link DayBucketsMigration#VERSION} (a
 * {cell, holder} entry per cell) into bits ({@link DayBits}) in place, bucket by bucket: the bits of
 * a bucket are exactly the cells its entries list, so the crash-safety of the entries carries over (a
 * lagging bucket stays lagging, and heals on its next collision). Converting a bucket is a guarded
 * read-modify-write that drops the entries, so a migration interrupted halfway converts the rest when
 * it runs again, and a bucket already converted is left alone. Done once per store: {@code
 * reservation_layout} records it.
 */
final class DayBitsMigration {

    static final String VERSION = "day-bits-2";

    static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final DayOccupancy days;
    private final Clock clock;

    DayBitsMigration(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.days = new DayOccupancy(mongo);
        this.clock = clock;
    }

    /** Migrates the store unless it is done already; answers how many buckets it converted (-1: done before). */
    int run() {
        MongoCollection<Document> layout = mongo.getCollection(DayBucketsMigration.LAYOUT);
        if (layout.find(new Document("_id", VERSION)).first() != null) {
            return -1;
        }
        int converted = 0;
        List<String> batch = new ArrayList<>();
        for (Document bucket : mongo.getCollection(DayOccupancy.COLLECTION)
                .find(new Document(DayOccupancy.LEGACY_ENTRIES, new Document("$exists", true)))
                .projection(new Document("_id", 1))) {
            batch.add(bucket.getString("_id"));
            if (batch.size() == BATCH) {
                converted += days.convertEntries(batch);
                batch.clear();
            }
        }
        converted += days.convertEntries(batch);
        layout.replaceOne(
                new Document("_id", VERSION),
                new Document("_id", VERSION).append("at", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        return converted;
    }
}
