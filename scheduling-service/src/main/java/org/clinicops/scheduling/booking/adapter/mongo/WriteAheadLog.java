package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the reservation writes announce before they happen, so that a crash between two writes is
 * found again without scanning the history:
 *
 * <ul>
 *   <li>{@code reservation_holds}: per appointment ({@code _id}), every cell it ever tried to take,
 *       written before the cells, so a release finds all of them by {@code _id}.
 *   <li>{@code reservation_checks}: a worklist entry per write, which the {@link ReservationSweep}
 *       reconciles after the grace period, then removes. It only holds recent work.
 * </ul>
 */
final class WriteAheadLog {

    static final String HOLDS = "reservation_holds";
    static final String CHECKS = "reservation_checks";

    /** The cells an appointment tries to take at a site. */
    record Hold(String appointmentId, String siteId, List<String> cells) {}

    /** The cells an appointment ever tried to take and not released, and its site. */
    record Holds(List<String> cells, @Nullable String siteId) {}

    /** A worklist entry: appointments to reconcile, and cells of theirs whose bucket entries to check. */
    record Check(String id, List<String> appointmentIds, List<String> cells) {}

    private final MongoTemplate mongo;

    WriteAheadLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Adds the cells to their appointments' holds, one bulk upsert; answers the appointments whose
     * holds this write created (they list these cells and nothing else).
     */
    Set<String> hold(List<Hold> holds) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Hold hold : holds) {
            writes.add(new UpdateOneModel<>(
                    new Document("_id", hold.appointmentId()),
                    new Document("$addToSet", new Document("cells", new Document("$each", hold.cells())))
                            .append("$set", new Document("siteId", hold.siteId())),
                    new UpdateOptions().upsert(true)));
        }
        Set<String> created = new HashSet<>();
        for (int index : BulkUpserts.upsertAll(mongo.getCollection(HOLDS), writes)) {
            created.add(holds.get(index).appointmentId());
        }
        return created;
    }

    Holds holdsOf(String appointmentId) {
        Document holds = mongo.getCollection(HOLDS)
                .find(new Document("_id", appointmentId))
                .first();
        return holds == null
                ? new Holds(List.of(), null)
                : new Holds(holds.getList("cells", String.class, List.of()), holds.getString("siteId"));
    }

    /** The cells these appointments ever tried to take and not released, one read by {@code _id}. */
    List<String> cellsOf(Collection<String> appointmentIds) {
        List<String> cells = new ArrayList<>();
        for (Document holds : mongo.getCollection(HOLDS)
                .find(new Document("_id", new Document("$in", new ArrayList<>(appointmentIds))))
                .projection(new Document("cells", 1))) {
            cells.addAll(holds.getList("cells", String.class, List.of()));
        }
        return cells;
    }

    /** Removes released cells from the appointment's holds. */
    void unhold(String appointmentId, Collection<String> cells) {
        mongo.getCollection(HOLDS)
                .updateOne(
                        new Document("_id", appointmentId),
                        new Document("$pullAll", new Document("cells", new ArrayList<>(cells))));
    }

    /** Files a worklist entry: the sweep looks at these appointments after the grace period. */
    void fileCheck(Collection<String> appointmentIds, List<String> cells, Date now) {
        mongo.getCollection(CHECKS)
                .insertOne(new Document("_id", UUID.randomUUID().toString())
                        .append("appointmentIds", new ArrayList<>(appointmentIds))
                        .append("cells", cells)
                        .append("at", now));
    }

    /** At most {@code limit} worklist entries filed before {@code filedBefore}. */
    List<Check> due(Instant filedBefore, int limit) {
        List<Check> due = new ArrayList<>();
        for (Document check : mongo.getCollection(CHECKS)
                .find(new Document("at", new Document("$lt", Date.from(filedBefore))))
                .limit(limit)) {
            due.add(new Check(
                    check.getString("_id"),
                    check.getList("appointmentIds", String.class, List.of()),
                    check.getList("cells", String.class, List.of())));
        }
        return due;
    }

    /** Removes worklist entries that were reconciled. */
    void done(List<Check> checks) {
        if (!checks.isEmpty()) {
            mongo.getCollection(CHECKS)
                    .deleteMany(new Document(
                            "_id",
                            new Document("$in", checks.stream().map(Check::id).toList())));
        }
    }
}
