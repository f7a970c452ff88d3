package org.clinicops.platform.audit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes a group of audit entries with one insert command. A group of one is a plain insert, as
 * before groups. A larger group is one unordered bulk insert: its entries are independent requests'
 * records with no order between them (the trail is read sorted by {@code at}), and unordered lets
 * every entry but a refused one be written and names each refused one by its position, so a bad
 * entry fails its own caller only. (Ordered would stop at the first refusal and leave the entries
 * after it unwritten: innocent callers refused, or a second command to retry them.) When the
 * outcome of an entry is not known (a network error, a write concern error), it counts as not
 * written.
 */
final class MongoAuditStore implements GroupCommit.Store<AuditRecord> {

    private static final Logger log = LoggerFactory.getLogger(MongoAuditStore.class);

    private final MongoTemplate mongo;

    MongoAuditStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public BitSet write(List<AuditRecord> group) {
        BitSet written = new BitSet(group.size());
        try {
            if (group.size() == 1) {
                mongo.insert(group.get(0), AuditTrail.COLLECTION);
            } else {
                mongo.bulkOps(BulkMode.UNORDERED, AuditRecord.class, AuditTrail.COLLECTION)
                        .insert(group)
                        .execute();
            }
            written.set(0, group.size());
        } catch (RuntimeException e) {
            MongoBulkWriteException bulk = bulkFailure(e);
            if (group.size() > 1 && bulk != null && bulk.getWriteConcernError() == null) {
                written.set(0, group.size());
                for (BulkWriteError refused : bulk.getWriteErrors()) {
                    written.clear(refused.getIndex());
                }
            }
            log.error(
                    "Could not write {} of a group of {} audit entries: {}",
                    group.size() - written.cardinality(),
                    group.size(),
                    e.getClass().getSimpleName());
        }
        return written;
    }

    /** The driver's bulk failure behind Spring's translation (a bulk or a duplicate key exception). */
    private static @Nullable MongoBulkWriteException bulkFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }
}
