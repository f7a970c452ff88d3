package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What is taken when, from the day buckets in {@code reservation_days} (named as {@link DayBuckets}
 * says): per site or cross-site resource and UTC day, the {cell, holder} entries. Occupancy reads the
 * buckets of its window by {@code _id}. A bucket is written after its cells and cleared before them,
 * so a crash leaves it lagging (a cell it does not list), never listing a free cell; a lagging bucket
 * heals on the collision it causes: the losing insert adds the cell to its bucket.
 */
final class DayOccupancy {

    static final String COLLECTION = "reservation_days";

    private final MongoTemplate mongo;

    DayOccupancy(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Lists the cells in their buckets (creating a bucket on its first cell). */
    void add(Collection<Reservation> reservations) {
        Map<String, List<Document>> entries = new LinkedHashMap<>();
        Map<String, String> scopes = new HashMap<>();
        Map<String, LocalDate> days = new HashMap<>();
        for (Reservation r : reservations) {
            LocalDate day = DayBuckets.dayOf(r.cell());
            for (String scope : DayBuckets.scopesOf(r.resource(), r.siteId())) {
                String id = DayBuckets.id(scope, day);
                entries.computeIfAbsent(id, k -> new ArrayList<>()).add(DayBuckets.entry(r.id(), r.appointmentId()));
                scopes.put(id, scope);
                days.put(id, day);
            }
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        entries.forEach((id, list) -> updates.add(new UpdateOneModel<>(
                new Document("_id", id),
                new Document("$addToSet", new Document("cells", new Document("$each", list)))
                        .append(
                                "$setOnInsert",
                                new Document("scope", scopes.get(id))
                                        .append(
                                                "day",
                                                Date.from(days.get(id)
                                                        .atStartOfDay(ZoneOffset.UTC)
                                                        .toInstant()))),
                new UpdateOptions().upsert(true))));
        BulkUpserts.upsertAll(collection(), updates);
    }

    /** Removes the appointment's entries of these cells of a site from their buckets. */
    void remove(String appointmentId, String siteId, Collection<String> cells) {
        Map<String, List<Document>> entries = new LinkedHashMap<>();
        for (String id : cells) {
            LocalDate day = DayBuckets.dayOf(DayBuckets.cellOf(id));
            for (String scope : DayBuckets.scopesOf(DayBuckets.resourceOf(id), siteId)) {
                entries.computeIfAbsent(DayBuckets.id(scope, day), k -> new ArrayList<>())
                        .add(DayBuckets.entry(id, appointmentId));
            }
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        entries.forEach((id, list) -> updates.add(
                new UpdateOneModel<>(new Document("_id", id), new Document("$pullAll", new Document("cells", list)))));
        if (!updates.isEmpty()) {
            collection().bulkWrite(updates, BulkUpserts.UNORDERED);
        }
    }

    /** The bucket entries of the scopes in [from, to), without those of {@code ignoreAppointmentId}. */
    private List<Document> entries(Collection<String> scopes, Instant from, Instant to, String ignoreAppointmentId) {
        List<Document> found = new ArrayList<>();
        if (!from.isBefore(to)) {
            return found;
        }
        LocalDate first = DayBuckets.dayOf(from);
        LocalDate last = DayBuckets.dayOf(to.minusNanos(1));
        for (Document bucket : collection()
                .find(new Document("_id", new Document("$in", DayBuckets.ids(scopes, from, to))))
                .projection(new Document("cells", 1))) {
            String id = bucket.getString("_id");
            LocalDate day = LocalDate.parse(id.substring(id.lastIndexOf('|') + 1));
            boolean inside = day.isAfter(first) && day.isBefore(last);
            for (Document entry : bucket.getList("cells", Document.class, List.of())) {
                if (ignoreAppointmentId.equals(entry.getString("a"))) {
                    continue;
                }
                if (!inside) {
                    Instant cell = DayBuckets.cellOf(entry.getString("c"));
                    if (cell.isBefore(from) || !cell.isBefore(to)) {
                        continue;
                    }
                }
                found.add(entry);
            }
        }
        return found;
    }

    /** See {@link org.clinicops.scheduling.booking.application.Reservations#occupancy}. */
    Occupancy occupancy(
            String siteId, Collection<String> resources, Instant from, Instant to, String ignoreAppointmentId) {
        List<String> scopes = new ArrayList<>();
        scopes.add(DayBuckets.siteScope(siteId));
        resources.stream().filter(r -> !DayBuckets.siteLocal(r)).forEach(scopes::add);
        Set<String> taken = new HashSet<>();
        for (Document entry : entries(scopes, from, to, ignoreAppointmentId)) {
            taken.add(entry.getString("c"));
        }
        return new Occupancy(taken);
    }

    /** See {@link org.clinicops.scheduling.booking.application.Reservations#atSite}. */
    List<Reservation> atSite(String siteId, Instant from, Instant to) {
        List<Reservation> found = new ArrayList<>();
        for (Document entry : entries(List.of(DayBuckets.siteScope(siteId)), from, to, "")) {
            String id = entry.getString("c");
            found.add(new Reservation(
                    id, DayBuckets.resourceOf(id), siteId, DayBuckets.cellOf(id), entry.getString("a")));
        }
        return found;
    }

    /** Cells of a patient or clinician (resources with their own buckets) in [from, to). */
    List<String> occupancyOf(String resource, Instant from, Instant to) {
        Set<String> taken = new HashSet<>();
        for (Document entry : entries(List.of(resource), from, to, "")) {
            taken.add(entry.getString("c"));
        }
        return List.copyOf(taken);
    }
}
