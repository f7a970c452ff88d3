package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Unordered bulk writes of the reservation stores, and the retry of upserts that raced on a new key. */
final class BulkUpserts {

    static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private BulkUpserts() {}

    /** Upserts by _id; two first writers of one new document race on the key, the loser retries once. */
    static void upsertAll(MongoCollection<Document> collection, List<WriteModel<Document>> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(updates, UNORDERED);
        } catch (MongoBulkWriteException e) {
            List<WriteModel<Document>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                again.add(updates.get(error.getIndex()));
            }
            collection.bulkWrite(again, UNORDERED);
        }
    }
}
