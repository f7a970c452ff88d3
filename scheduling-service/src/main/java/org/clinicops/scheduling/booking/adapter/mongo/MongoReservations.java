package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.clinicops.scheduling.booking.application.Reservations;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Reservation cells and the structures that find them without scanning.
 *
 * <ul>
 *   <li>{@code reservations}: one document per cell, {@code _id} = cell id, so MongoDB's unique
 *       primary key refuses a second holder of a chair, clinician, patient or nurse capacity cell,
 *       also across service instances; no transaction is needed. This is the only guard against
 *       double booking; everything else is a hint or a worklist.
 *   <li>{@code reservation_days}: day buckets (see {@link DayBuckets}) listing {cell, holder} per
 *       site or cross-site resource and UTC day. Occupancy reads the buckets of its window by
 *       {@code _id}. A bucket is written after its cells and cleared before them, so a crash leaves
 *       it lagging (a cell it does not list), never listing a free cell; a lagging bucket heals on
 *       the collision it causes: the losing insert adds the cell to its bucket.
 *   <li>{@code reservation_holds}: per appointment ({@code _id}), every cell it ever tried to take,
 *       written before the cells, so a release finds all of them by {@code _id}.
 *   <li>{@code reservation_checks}: a worklist entry per write, which the sweep reconciles after
 *       the grace period (cells no appointment holds, bucket entries of released cells), then
 *       removes. It only holds recent work, so the sweep never scans the history.
 * </ul>
 *
 * Every query of the booking path is answered by {@code _id} ({@code $in} for many) or by the
 * unique index {@code {_id, appointmentId}} (a release deletes a cell only while the appointment
 * still holds it). The range indexes stay for tools that query real MongoDB by site and time.
 */
@Component
public class MongoReservations implements Reservations {

    static final String COLLECTION = "reservations";
    static final String DAYS = "reservation_days";
    static final String HOLDS = "reservation_holds";
    static final String CHECKS = "reservation_checks";
    static final String LAYOUT = "reservation_layout";
    static final String LAYOUT_VERSION = "day-buckets-1";
    private static final int SWEEP_BATCH = 2000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoReservations(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("appointmentId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("siteId", Sort.Direction.ASC).on("cell", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("resource", Sort.Direction.ASC).on("cell", Sort.Direction.ASC));
        indexes.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("appointmentId", Sort.Direction.ASC)
                .unique()
                .named("cell_holder"));
        mongo.indexOps(CHECKS).createIndex(new Index().on("at", Sort.Direction.ASC));
        mongo.indexOps(DAYS).createIndex(new Index().on("day", Sort.Direction.ASC));
        upgradeLayout();
    }

    // ---------------------------------------------------------------------------------------------
    // reserving

    @Override
    public boolean reserveAll(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return true;
        }
        Date now = Date.from(clock.instant());
        Map<String, List<Reservation>> byAppointment = new LinkedHashMap<>();
        for (Reservation r : reservations) {
            byAppointment
                    .computeIfAbsent(r.appointmentId(), a -> new ArrayList<>())
                    .add(r);
        }
        // 1. the sweep will look at these appointments after the grace period, whatever happens next
        fileCheck(byAppointment.keySet(), List.of(), now);
        // 2. write-ahead: the holds list every cell before it exists, so a release finds it
        List<WriteModel<Document>> holds = new ArrayList<>();
        byAppointment.forEach((appointmentId, cells) -> holds.add(new UpdateOneModel<>(
                new Document("_id", appointmentId),
                new Document(
                                "$addToSet",
                                new Document(
                                        "cells",
                                        new Document(
                                                "$each",
                                                cells.stream()
                                                        .map(Reservation::id)
                                                        .toList())))
                        .append("$set", new Document("siteId", cells.get(0).siteId())),
                new UpdateOptions().upsert(true))));
        upsertAll(HOLDS, holds);
        // 3. the cells: the unique _id decides
        List<Document> docs = new ArrayList<>();
        for (Reservation r : reservations) {
            docs.add(new Document("_id", r.id())
                    .append("resource", r.resource())
                    .append("siteId", r.siteId())
                    .append("cell", Date.from(r.cell()))
                    .append("appointmentId", r.appointmentId())
                    .append("createdAt", now));
        }
        Set<String> refused = insertCells(docs);
        if (!refused.isEmpty()) {
            Set<String> lost = lostCells(reservations, refused, now);
            if (!lost.isEmpty()) {
                // roll back what this call took; cells an earlier attempt of the same appointment
                // holds stay held and listed (a retry of that attempt finds them)
                Map<String, List<String>> inserted = new LinkedHashMap<>();
                Map<String, List<String>> unlisted = new LinkedHashMap<>();
                for (Reservation r : reservations) {
                    if (!refused.contains(r.id())) {
                        inserted.computeIfAbsent(r.appointmentId(), a -> new ArrayList<>())
                                .add(r.id());
                    }
                    if (!refused.contains(r.id()) || lost.contains(r.id())) {
                        unlisted.computeIfAbsent(r.appointmentId(), a -> new ArrayList<>())
                                .add(r.id());
                    }
                }
                inserted.forEach(this::deleteCells);
                unlisted.forEach(this::pullHolds);
                return false;
            }
        }
        // 4. the day buckets, after the cells: a crash before this leaves them lagging, not lying
        addToBuckets(reservations);
        return true;
    }

    /** Inserts the cells unordered; answers the ids that were already taken. */
    private Set<String> insertCells(List<Document> docs) {
        try {
            mongo.getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
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

    /**
     * The refused cells not held by the appointment that asked for them (a retry holds its own).
     * Cells held by another appointment are added to their buckets: a lagging bucket heals on the
     * collision.
     */
    private Set<String> lostCells(List<Reservation> reservations, Set<String> refused, Date now) {
        Map<String, Document> holders = cellsById(refused);
        Set<String> lost = new HashSet<>();
        List<Reservation> othersCells = new ArrayList<>();
        for (Reservation r : reservations) {
            if (!refused.contains(r.id())) {
                continue;
            }
            Document holder = holders.get(r.id());
            if (holder == null || !r.appointmentId().equals(holder.getString("appointmentId"))) {
                lost.add(r.id());
                if (holder != null) {
                    othersCells.add(new Reservation(
                            r.id(), r.resource(), r.siteId(), r.cell(), holder.getString("appointmentId")));
                }
            }
        }
        if (!othersCells.isEmpty()) {
            addToBuckets(othersCells);
            // the holder may be releasing right now: the sweep checks these entries later
            Map<String, List<String>> byHolder = new LinkedHashMap<>();
            othersCells.forEach(r -> byHolder.computeIfAbsent(r.appointmentId(), a -> new ArrayList<>())
                    .add(r.id()));
            byHolder.forEach((holder, cells) -> fileCheck(List.of(holder), cells, now));
        }
        return lost;
    }

    // ---------------------------------------------------------------------------------------------
    // releasing

    @Override
    public void releaseExcept(String appointmentId, Collection<String> keep) {
        Holds holds = holdsOf(appointmentId);
        Set<String> release = new LinkedHashSet<>(holds.cells());
        release.removeAll(keep);
        release(appointmentId, holds.siteId(), release, true);
    }

    @Override
    public void releaseFrom(String appointmentId, Instant from) {
        Holds holds = holdsOf(appointmentId);
        List<String> release = holds.cells().stream()
                .filter(id -> !DayBuckets.cellOf(id).isBefore(from))
                .toList();
        release(appointmentId, holds.siteId(), release, true);
    }

    /** The cells an appointment ever tried to take and not released, and its site. */
    private record Holds(List<String> cells, @Nullable String siteId) {}

    private Holds holdsOf(String appointmentId) {
        Document holds = mongo.getCollection(HOLDS)
                .find(new Document("_id", appointmentId))
                .first();
        return holds == null
                ? new Holds(List.of(), null)
                : new Holds(holds.getList("cells", String.class, List.of()), holds.getString("siteId"));
    }

    /**
     * Releases cells of the appointment: bucket entries first, then the cells (only while this
     * appointment holds them), then the holds. A crash halfway leaves cells that the holds still
     * list and the sweep finds through the check filed first. Answers how many cells were deleted.
     */
    private int release(String appointmentId, @Nullable String siteId, Collection<String> cells, boolean check) {
        if (cells.isEmpty()) {
            return 0;
        }
        if (check) {
            fileCheck(List.of(appointmentId), List.of(), Date.from(clock.instant()));
        }
        String site = siteId != null ? siteId : siteOfCell(cells.iterator().next());
        if (site != null) {
            pullFromBuckets(appointmentId, site, cells);
        }
        int deleted = deleteCells(appointmentId, new ArrayList<>(cells));
        pullHolds(appointmentId, cells);
        return deleted;
    }

    private @Nullable String siteOfCell(String cellId) {
        Document cell = mongo.getCollection(COLLECTION)
                .find(new Document("_id", cellId))
                .projection(new Document("siteId", 1))
                .first();
        return cell == null ? null : cell.getString("siteId");
    }

    /** Deletes the cells while this appointment holds them (one unique-index delete each, one round trip). */
    private int deleteCells(String appointmentId, List<String> cells) {
        if (cells.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> deletes = new ArrayList<>();
        for (String id : cells) {
            deletes.add(new DeleteOneModel<>(new Document("_id", id).append("appointmentId", appointmentId)));
        }
        return mongo.getCollection(COLLECTION).bulkWrite(deletes, UNORDERED).getDeletedCount();
    }

    private void pullHolds(String appointmentId, Collection<String> cells) {
        mongo.getCollection(HOLDS)
                .updateOne(
                        new Document("_id", appointmentId),
                        new Document("$pullAll", new Document("cells", new ArrayList<>(cells))));
    }

    // ---------------------------------------------------------------------------------------------
    // day buckets

    private void addToBuckets(Collection<Reservation> reservations) {
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
        upsertAll(DAYS, updates);
    }

    private void pullFromBuckets(String appointmentId, String siteId, Collection<String> cells) {
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
            mongo.getCollection(DAYS).bulkWrite(updates, UNORDERED);
        }
    }

    /** Upserts by _id; two first writers of one new document race on the key, the loser retries once. */
    private void upsertAll(String collection, List<WriteModel<Document>> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(collection).bulkWrite(updates, UNORDERED);
        } catch (MongoBulkWriteException e) {
            List<WriteModel<Document>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                again.add(updates.get(error.getIndex()));
            }
            mongo.getCollection(collection).bulkWrite(again, UNORDERED);
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
        for (Document bucket : mongo.getCollection(DAYS)
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

    @Override
    public Occupancy occupancy(
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

    @Override
    public List<Reservation> atSite(String siteId, Instant from, Instant to) {
        List<Reservation> found = new ArrayList<>();
        for (Document entry : entries(List.of(DayBuckets.siteScope(siteId)), from, to, "")) {
            String id = entry.getString("c");
            found.add(new Reservation(
                    id, DayBuckets.resourceOf(id), siteId, DayBuckets.cellOf(id), entry.getString("a")));
        }
        return found;
    }

    /** Cells of a patient or clinician (resources with their own buckets) in [from, to). */
    @Override
    public List<String> occupancyOf(String resource, Instant from, Instant to) {
        Set<String> taken = new HashSet<>();
        for (Document entry : entries(List.of(resource), from, to, "")) {
            taken.add(entry.getString("c"));
        }
        return List.copyOf(taken);
    }

    // ---------------------------------------------------------------------------------------------
    // the sweep

    private void fileCheck(Collection<String> appointmentIds, List<String> cells, Date now) {
        mongo.getCollection(CHECKS)
                .insertOne(new Document("_id", UUID.randomUUID().toString())
                        .append("appointmentIds", new ArrayList<>(appointmentIds))
                        .append("cells", cells)
                        .append("at", now));
    }

    /**
     * Reconciles the appointments of the checks filed before {@code createdBefore}: removes cells no
     * appointment holds and bucket entries of cells gone or held by another. Answers how many cells
     * it removed. Only the worklist is scanned, and it only holds recent writes.
     */
    @Override
    public int sweepOrphans(Instant createdBefore) {
        MongoCollection<Document> checks = mongo.getCollection(CHECKS);
        List<Document> due = checks.find(new Document("at", new Document("$lt", Date.from(createdBefore))))
                .limit(SWEEP_BATCH)
                .into(new ArrayList<>());
        Map<String, Set<String>> work = new LinkedHashMap<>();
        for (Document check : due) {
            List<String> cells = check.getList("cells", String.class, List.of());
            for (String appointmentId : check.getList("appointmentIds", String.class, List.of())) {
                work.computeIfAbsent(appointmentId, a -> new LinkedHashSet<>()).addAll(cells);
            }
        }
        int removed = 0;
        for (Map.Entry<String, Set<String>> e : work.entrySet()) {
            removed += reconcile(e.getKey(), e.getValue(), createdBefore);
        }
        if (!due.isEmpty()) {
            checks.deleteMany(new Document(
                    "_id",
                    new Document(
                            "$in", due.stream().map(d -> d.getString("_id")).toList())));
        }
        return removed;
    }

    private int reconcile(String appointmentId, Set<String> extra, Instant createdBefore) {
        Holds holds = holdsOf(appointmentId);
        Set<String> listed = new LinkedHashSet<>(extra);
        listed.addAll(holds.cells());
        String siteId = holds.siteId();
        if (listed.isEmpty()) {
            return 0;
        }
        Document appointment = mongo.getCollection("appointments")
                .find(new Document("_id", appointmentId))
                .projection(new Document("reservationIds", 1))
                .first();
        Set<Object> kept = appointment == null
                ? Set.of()
                : new HashSet<>(appointment.getList("reservationIds", Object.class, List.of()));
        Map<String, Document> cells = cellsById(listed);
        List<String> orphans = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (String id : listed) {
            Document cell = cells.get(id);
            if (cell == null || !appointmentId.equals(cell.getString("appointmentId"))) {
                notHeld.add(id);
            } else {
                if (siteId == null) {
                    siteId = cell.getString("siteId");
                }
                Date created = cell.getDate("createdAt");
                if (!kept.contains(id) && created != null && created.toInstant().isBefore(createdBefore)) {
                    orphans.add(id);
                }
            }
        }
        if (siteId == null) {
            return 0;
        }
        if (!notHeld.isEmpty()) {
            // entries of cells this appointment no longer holds (a heal that raced its release)
            pullFromBuckets(appointmentId, siteId, notHeld);
        }
        return release(appointmentId, siteId, orphans, false);
    }

    private Map<String, Document> cellsById(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (Document doc : mongo.getCollection(COLLECTION)
                .find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
                .projection(new Document("appointmentId", 1).append("siteId", 1).append("createdAt", 1))) {
            found.put(doc.getString("_id"), doc);
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------
    // a store written before the day buckets

    /**
     * Builds holds and day buckets from the cells of a store written before they existed (one scan,
     * once), and files a check per appointment so the sweep removes old orphans as it used to.
     */
    private void upgradeLayout() {
        MongoCollection<Document> layout = mongo.getCollection(LAYOUT);
        if (layout.find(new Document("_id", LAYOUT_VERSION)).first() != null) {
            return;
        }
        List<Reservation> batch = new ArrayList<>();
        Map<String, List<String>> holds = new LinkedHashMap<>();
        Map<String, String> sites = new HashMap<>();
        for (Document doc : mongo.getCollection(COLLECTION).find()) {
            Reservation r = new Reservation(
                    doc.getString("_id"),
                    doc.getString("resource"),
                    doc.getString("siteId"),
                    doc.getDate("cell").toInstant(),
                    doc.getString("appointmentId"));
            batch.add(r);
            holds.computeIfAbsent(r.appointmentId(), a -> new ArrayList<>()).add(r.id());
            sites.put(r.appointmentId(), r.siteId());
            if (batch.size() == 5000) {
                addToBuckets(batch);
                batch.clear();
            }
        }
        addToBuckets(batch);
        List<WriteModel<Document>> writes = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (Map.Entry<String, List<String>> e : holds.entrySet()) {
            writes.add(new UpdateOneModel<>(
                    new Document("_id", e.getKey()),
                    new Document("$addToSet", new Document("cells", new Document("$each", e.getValue())))
                            .append("$set", new Document("siteId", sites.get(e.getKey()))),
                    new UpdateOptions().upsert(true)));
            if (writes.size() == 1000) {
                upsertAll(HOLDS, writes);
                writes.clear();
            }
        }
        upsertAll(HOLDS, writes);
        List<String> appointments = new ArrayList<>(holds.keySet());
        for (int i = 0; i < appointments.size(); i += 500) {
            fileCheck(appointments.subList(i, Math.min(i + 500, appointments.size())), List.of(), now);
        }
        layout.replaceOne(
                new Document("_id", LAYOUT_VERSION),
                new Document("_id", LAYOUT_VERSION).append("at", now),
                new ReplaceOptions().upsert(true));
    }
}
