package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The cells in {@code reservations}: one document per cell, {@code _id} = cell id, so MongoDB's unique
 * primary key refuses a second holder of a chair, clinician, patient or nurse capacity cell, also
 * across service instances; no transaction is needed. This is the only guard against double booking.
 * A cell is deleted only while its appointment still holds it (the unique index {@code {_id,
 * appointmentId}}).
 */
final class ReservationCells {

    static final String COLLECTION = "reservations";

    /** What the store knows of a held cell: its holder, site and when it was taken. */
    record Held(
            @Nullable String appointmentId,
            @Nullable String siteId,
            @Nullable Date createdAt) {}

    private final MongoTemplate mongo;

    ReservationCells(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Inserts the cells unordered, taken at {@code now}; answers the ids that were already taken. */
    Set<String> insert(List<Reservation> reservations, Date now) {
        List<Document> docs = new ArrayList<>();
        for (Reservation r : reservations) {
            docs.add(new Document("_id", r.id())
                    .append("resource", r.resource())
                    .append("siteId", r.siteId())
                    .append("cell", Date.from(r.cell()))
                    .append("appointmentId", r.appointmentId())
                    .append("createdAt", now));
        }
        try {
            collection().insertMany(docs, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<String> refused = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(docs.get(error.getIndex()).getString("_id"));
            }
            return refused;
        }
    }

    /** Deletes the cells while this appointment holds them (one unique-index delete each, one round trip). */
    int delete(String appointmentId, List<String> cells) {
        if (cells.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> deletes = new ArrayList<>();
        for (String id : cells) {
            deletes.add(new DeleteOneModel<>(new Document("_id", id).append("appointmentId", appointmentId)));
        }
        return collection().bulkWrite(deletes, BulkUpserts.UNORDERED).getDeletedCount();
    }

    @Nullable
    String siteOf(String cellId) {
        Document cell = collection()
                .find(new Document("_id", cellId))
                .projection(new Document("siteId", 1))
                .first();
        return cell == null ? null : cell.getString("siteId");
    }

    /** The stored cells among these ids, by id. */
    Map<String, Held> byId(Collection<String> ids) {
        Map<String, Held> found = new HashMap<>();
        for (Document doc : collection()
                .find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
                .projection(new Document("appointmentId", 1).append("siteId", 1).append("createdAt", 1))) {
            found.put(
                    doc.getString("_id"),
                    new Held(doc.getString("appointmentId"), doc.getString("siteId"), doc.getDate("createdAt")));
        }
        return found;
    }

    /** Every stored cell, one scan (the layout migration). */
    void forEach(Consumer<Reservation> action) {
        for (Document doc : collection().find()) {
            action.accept(new Reservation(
                    doc.getString("_id"),
                    doc.getString("resource"),
                    doc.getString("siteId"),
                    doc.getDate("cell").toInstant(),
                    doc.getString("appointmentId")));
        }
    }
}
