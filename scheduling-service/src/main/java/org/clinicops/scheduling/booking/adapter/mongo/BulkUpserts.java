package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/** Unordered bulk writes of the reservation stores, and the retry of upserts that raced on a new key. */
final class BulkUpserts {

    static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private BulkUpserts() {}

    /**
     * Upserts by _id; two first writers of one new document race on the key, the loser retries once.
     * Answers the indexes of the updates that created their document (none when a race was retried).
     */
    static Set<Integer> upsertAll(MongoCollection<Document> collection, List<WriteModel<Document>> updates) {
        if (updates.isEmpty()) {
            return Set.of();
        }
        try {
            return collection.bulkWrite(updates, UNORDERED).getUpserts().stream()
                    .map(BulkWriteUpsert::getIndex)
                    .collect(Collectors.toSet());
        } catch (MongoBulkWriteException e) {
            List<WriteModel<Document>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                again.add(updates.get(error.getIndex()));
            }
            collection.bulkWrite(again, UNORDERED);
            return Set.of();
        }
    }
}
