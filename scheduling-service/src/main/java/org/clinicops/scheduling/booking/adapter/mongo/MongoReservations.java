package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.clinicops.scheduling.booking.application.Reservations;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Reservation cells in the {@code reservations} collection. The cell id is the document {@code _id},
 * so MongoDB's unique primary key refuses a second holder of a chair, clinician, patient or nurse
 * capacity cell, also across service instances; no transaction is needed.
 */
@Component
public class MongoReservations implements Reservations {

    static final String COLLECTION = "reservations";

    private final MongoTemplate mongo;
    private final java.time.Clock clock;

    public MongoReservations(MongoTemplate mongo, java.time.Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("appointmentId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("siteId", Sort.Direction.ASC).on("cell", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("resource", Sort.Direction.ASC).on("cell", Sort.Direction.ASC));
    }

    @Override
    public boolean reserveAll(List<Reservation> reservations) {
        List<String> inserted = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (Reservation r : reservations) {
            try {
                mongo.getCollection(COLLECTION)
                        .insertOne(new Document("_id", r.id())
                                .append("resource", r.resource())
                                .append("siteId", r.siteId())
                                .append("cell", Date.from(r.cell()))
                                .append("appointmentId", r.appointmentId())
                                .append("createdAt", now));
                inserted.add(r.id());
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    rollback(inserted);
                    throw e;
                }
                if (!heldBy(r.id(), r.appointmentId())) {
                    rollback(inserted);
                    return false;
                }
            } catch (DuplicateKeyException e) {
                if (!heldBy(r.id(), r.appointmentId())) {
                    rollback(inserted);
                    return false;
                }
            }
        }
        return true;
    }

    private boolean heldBy(String id, String appointmentId) {
        Document existing =
                mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        return existing != null && appointmentId.equals(existing.getString("appointmentId"));
    }

    private void rollback(List<String> inserted) {
        if (!inserted.isEmpty()) {
            mongo.getCollection(COLLECTION).deleteMany(new Document("_id", new Document("$in", inserted)));
        }
    }

    @Override
    public void releaseExcept(String appointmentId, Collection<String> keep) {
        Document filter = new Document("appointmentId", appointmentId);
        if (!keep.isEmpty()) {
            filter.append("_id", new Document("$nin", new ArrayList<>(keep)));
        }
        mongo.getCollection(COLLECTION).deleteMany(filter);
    }

    @Override
    public void releaseFrom(String appointmentId, Instant from) {
        mongo.getCollection(COLLECTION)
                .deleteMany(new Document("appointmentId", appointmentId)
                        .append("cell", new Document("$gte", Date.from(from))));
    }

    @Override
    public Occupancy occupancy(
            String siteId, Collection<String> resources, Instant from, Instant to, String ignoreAppointmentId) {
        Set<String> taken = new HashSet<>();
        Document range = new Document("$gte", Date.from(from)).append("$lt", Date.from(to));
        collect(new Document("siteId", siteId).append("cell", range), ignoreAppointmentId, taken);
        for (String resource : resources) {
            collect(new Document("resource", resource).append("cell", range), ignoreAppointmentId, taken);
        }
        return new Occupancy(taken);
    }

    private void collect(Document filter, String ignoreAppointmentId, Set<String> taken) {
        for (Document doc : mongo.getCollection(COLLECTION)
                .find(filter)
                .projection(new Document("_id", 1).append("appointmentId", 1))) {
            if (!ignoreAppointmentId.equals(doc.getString("appointmentId"))) {
                taken.add(doc.getString("_id"));
            }
        }
    }

    @Override
    public List<Reservation> atSite(String siteId, Instant from, Instant to) {
        List<Reservation> found = new ArrayList<>();
        Document filter = new Document("siteId", siteId)
                .append("cell", new Document("$gte", Date.from(from)).append("$lt", Date.from(to)));
        for (Document doc : mongo.getCollection(COLLECTION).find(filter)) {
            found.add(new Reservation(
                    doc.getString("_id"),
                    doc.getString("resource"),
                    doc.getString("siteId"),
                    doc.getDate("cell").toInstant(),
                    doc.getString("appointmentId")));
        }
        return found;
    }

    @Override
    public List<String> occupancyOf(String resource, Instant from, Instant to) {
        Set<String> taken = new HashSet<>();
        collect(
                new Document("resource", resource)
                        .append("cell", new Document("$gte", Date.from(from)).append("$lt", Date.from(to))),
                "",
                taken);
        return List.copyOf(taken);
    }

    @Override
    public int sweepOrphans(Instant createdBefore) {
        int removed = 0;
        Document old = new Document("createdAt", new Document("$lt", Date.from(createdBefore)));
        List<Document> candidates = mongo.getCollection(COLLECTION)
                .find(old)
                .projection(new Document("_id", 1).append("appointmentId", 1))
                .into(new ArrayList<>());
        for (Document cell : candidates) {
            Document appointment = mongo.getCollection("appointments")
                    .find(new Document("_id", cell.getString("appointmentId")))
                    .projection(new Document("reservationIds", 1))
                    .first();
            List<?> held =
                    appointment == null ? List.of() : appointment.getList("reservationIds", Object.class, List.of());
            if (!held.contains(cell.getString("_id"))) {
                removed += (int) mongo.getCollection(COLLECTION)
                        .deleteOne(new Document("_id", cell.getString("_id"))
                                .append("appointmentId", cell.getString("appointmentId")))
                        .getDeletedCount();
            }
        }
        return removed;
    }
}
