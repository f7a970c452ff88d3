package org.clinicops.scheduling.booking.adapter.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
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
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What is taken when, from the day buckets in {@code reservation_days} (named as {@link DayBuckets}
 * says): per site or cross-site resource and UTC day, one bit per resource and cell ({@link DayBits}),
 * so a bucket's size is bounded by the scope's resources and the cells of a day, whatever the history.
 * Occupancy reads the buckets of its window by {@code _id}.
 *
 * <p>A bucket is written after its cells and cleared before them, so a crash leaves it lagging (a
 * cell it does not mark), never marking a free cell; a lagging bucket heals on the collision it
 * causes: the losing insert marks the cell in its bucket. A bit has no holder: a release clears only
 * the bits of cells its appointment holds, and the sweep clears a bit only while its cell is free.
 *
 * <p>Every write is a read-modify-write of whole buckets guarded by their version {@code v}: the update
 * matches only the version it read (or a bucket not there yet), so two schedulers writing one bucket
 * never lose each other's bits; the loser's upsert collides on {@code _id} and it reads again. (MongoDB's
 * {@code $bit} would do without the read, but the local store does not support it.)
 *
 * <p>A write's first round starts from the buckets as this instance last read or wrote them (a
 * booking writes the buckets its search has just read), without reading them again; a bucket changed
 * since, by another instance or writer, makes that round's guarded write collide, and the next round
 * reads it. What is remembered is only where a write starts: the version guard decides.
 */
final class DayOccupancy {

    static final String COLLECTION = "reservation_days";
    static final String VERSION = "v";
    /** The {cell, holder} entries of the layout before the bits, removed by its migration. */
    static final String LEGACY_ENTRIES = "cells";

    /** Retries of a write whose buckets other writers kept changing; each retry means one of them won. */
    static final int MAX_ATTEMPTS = 50;

    /** A change of one bucket: changes the bits read and answers whether there is anything to write. */
    @FunctionalInterface
    interface Change {
        boolean apply(DayBits bits, Document stored);
    }

    private record Pending(String scope, LocalDate day, List<Change> changes) {}

    /** Buckets remembered as last read or written, at most: a few days of a few hundred resources. */
    static final int KNOWN_BUCKETS = 20_000;

    private final MongoTemplate mongo;

    /**
     * The buckets by {@code _id} as this instance last read or wrote them, with their version; an
     * empty document for a bucket that was not there. Never changed in place: replaced.
     */
    private final Cache<String, Document> known =
            Caffeine.newBuilder().maximumSize(KNOWN_BUCKETS).build();

    DayOccupancy(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Marks the cells in their buckets (creating a bucket on its first cell). */
    void add(Collection<Reservation> reservations) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        for (Reservation r : reservations) {
            LocalDate day = DayBuckets.dayOf(r.cell());
            for (String scope : DayBuckets.scopesOf(r.resource(), r.siteId())) {
                change(pending, scope, day, (bits, stored) -> bits.set(r.resource(), r.cell()));
            }
        }
        write(pending);
    }

    /** Unmarks these cells of a site (held by nobody, or by the appointment about to delete them). */
    void remove(String siteId, Collection<String> cells) {
        write(unmarking(siteId, cells, id -> false));
    }

    /**
     * Unmarks those of these cells of a site that nobody holds, asking {@code holders} in every write
     * round after the buckets are read: a cell taken after that read is marked by a write that changes
     * its bucket's version, so this round's write collides and the next round sees the holder. Its bit
     * is never cleared under it.
     */
    void removeFree(String siteId, Collection<String> cells, Function<Collection<String>, Set<String>> holders) {
        Set<String> held = new HashSet<>();
        List<String> ids = List.copyOf(cells);
        write(unmarking(siteId, ids, held::contains), () -> {
            held.clear();
            held.addAll(holders.apply(ids));
        });
    }

    /** The changes that clear the cells' bits in every bucket marking them, but those {@code kept} names. */
    private static Map<String, Pending> unmarking(String siteId, Collection<String> cells, Predicate<String> kept) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        for (String id : cells) {
            Instant cell = Reservation.cellOf(id);
            String resource = Reservation.resourceOf(id);
            for (String scope : DayBuckets.scopesOf(resource, siteId)) {
                change(
                        pending,
                        scope,
                        DayBuckets.dayOf(cell),
                        (bits, stored) -> !kept.test(id) && bits.clear(resource, cell));
            }
        }
        return pending;
    }

    private static void change(Map<String, Pending> pending, String scope, LocalDate day, Change change) {
        pending.computeIfAbsent(DayBuckets.id(scope, day), id -> new Pending(scope, day, new ArrayList<>()))
                .changes()
                .add(change);
    }

    /**
     * Applies the changes, one bulk write per round: each bucket is read, changed and written back only
     * if its version is still the one read; the buckets another writer changed meanwhile go round again.
     */
    private int write(Map<String, Pending> changes) {
        return write(changes, () -> {});
    }

    /** As {@link #write(Map)}, running {@code afterRead} in each round once the buckets are read. */
    private int write(Map<String, Pending> changes, Runnable afterRead) {
        Map<String, Pending> pending = new LinkedHashMap<>(changes);
        Set<String> written = new HashSet<>();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException(
                        "day buckets changed under " + pending.size() + " writes " + MAX_ATTEMPTS + " times");
            }
            // the first round starts from the buckets as last seen; a round after a collision reads
            Map<String, Document> stored = attempt == 0 ? readKnown(pending.keySet()) : read(pending.keySet());
            afterRead.run();
            Map<String, Document> writing = new HashMap<>();
            List<String> ids = new ArrayList<>();
            List<WriteModel<Document>> updates = new ArrayList<>();
            pending.forEach((id, p) -> {
                Document bucket = stored.getOrDefault(id, new Document());
                DayBits bits = DayBits.of(p.day(), bucket);
                boolean changed = false;
                for (Change change : p.changes()) {
                    changed |= change.apply(bits, bucket);
                }
                if (!changed) {
                    return;
                }
                Object version = bucket.get(VERSION);
                long next = version instanceof Number n ? n.longValue() + 1 : 1L;
                Document update = new Document(
                                "$set",
                                new Document(DayBits.UNIT, bits.unit())
                                        .append(DayBits.RESOURCES, bits.resources())
                                        .append(VERSION, next))
                        .append(
                                "$setOnInsert",
                                new Document("scope", p.scope())
                                        .append(
                                                "day",
                                                Date.from(p.day()
                                                        .atStartOfDay(ZoneOffset.UTC)
                                                        .toInstant())));
                if (bucket.containsKey(LEGACY_ENTRIES)) {
                    update.append("$unset", new Document(LEGACY_ENTRIES, ""));
                }
                ids.add(id);
                writing.put(
                        id,
                        new Document("_id", id)
                                .append(DayBits.UNIT, bits.unit())
                                .append(DayBits.RESOURCES, bits.resources())
                                .append(VERSION, next));
                updates.add(new UpdateOneModel<>(
                        new Document("_id", id)
                                .append(VERSION, version != null ? version : new Document("$exists", false)),
                        update,
                        new UpdateOptions().upsert(true)));
            });
            Map<String, Pending> again = new LinkedHashMap<>();
            if (!updates.isEmpty()) {
                try {
                    collection().bulkWrite(updates, BulkUpserts.UNORDERED);
                } catch (MongoBulkWriteException e) {
                    for (BulkWriteError error : e.getWriteErrors()) {
                        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                            known.invalidateAll(ids);
                            throw e;
                        }
                        // another writer changed the bucket after our read: the guarded upsert collided
                        String id = ids.get(error.getIndex());
                        again.put(id, pending.get(id));
                    }
                } catch (RuntimeException e) {
                    known.invalidateAll(ids); // whether they were written is not known
                    throw e;
                }
            }
            for (String id : ids) {
                if (again.containsKey(id)) {
                    known.invalidate(id);
                } else {
                    written.add(id);
                    known.put(id, writing.get(id));
                }
            }
            pending = again;
        }
        return written.size();
    }

    /** The buckets there are, by {@code _id}, read from the database; remembered as read. */
    private Map<String, Document> read(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (Document bucket : collection().find(new Document("_id", new Document("$in", new ArrayList<>(ids))))) {
            found.put(bucket.getString("_id"), bucket);
        }
        remember(ids, found);
        return found;
    }

    /** As {@link #read}, taking the buckets remembered from the last read or write, reading the others. */
    private Map<String, Document> readKnown(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            Document bucket = known.getIfPresent(id);
            if (bucket == null) {
                unknown.add(id);
            } else if (!bucket.isEmpty()) {
                found.put(id, bucket);
            }
        }
        if (!unknown.isEmpty()) {
            found.putAll(read(unknown));
        }
        return found;
    }

    private void remember(Collection<String> ids, Map<String, Document> found) {
        for (String id : ids) {
            known.put(id, found.getOrDefault(id, new Document()));
        }
    }

    /** The taken cells of the scopes in [from, to), by resource and start. */
    private void taken(Collection<String> scopes, Instant from, Instant to, BiConsumer<String, Instant> action) {
        if (!from.isBefore(to)) {
            return;
        }
        List<String> ids = DayBuckets.ids(scopes, from, to);
        Map<String, Document> found = new HashMap<>();
        // what a write needs (bits, version, entries of the old layout): the booking's write after
        // this search starts from these buckets instead of reading them again
        for (Document bucket : collection()
                .find(new Document("_id", new Document("$in", ids)))
                .projection(new Document(DayBits.UNIT, 1)
                        .append(DayBits.RESOURCES, 1)
                        .append(VERSION, 1)
                        .append(LEGACY_ENTRIES, 1))) {
            String id = bucket.getString("_id");
            found.put(id, bucket);
            DayBits.of(DayBuckets.dayOfId(id), bucket).forEach(from, to, action);
        }
        remember(ids, found);
    }

    /**
     * The cells taken at the site (chairs, nurse capacity) or by the given patients and clinicians in
     * [from, to).
     */
    Occupancy occupancy(String siteId, Collection<String> resources, Instant from, Instant to) {
        List<String> scopes = new ArrayList<>();
        scopes.add(DayBuckets.siteScope(siteId));
        resources.stream().filter(r -> !DayBuckets.siteLocal(r)).forEach(scopes::add);
        Occupancy taken = Occupancy.empty();
        taken(scopes, from, to, taken::take);
        return taken;
    }

    /** The taken cells of a site's own resources in [from, to), as resource and start. */
    void atSite(String siteId, Instant from, Instant to, BiConsumer<String, Instant> action) {
        taken(List.of(DayBuckets.siteScope(siteId)), from, to, action);
    }

    /** Cells of a patient or clinician (resources with their own buckets) in [from, to). */
    List<String> occupancyOf(String resource, Instant from, Instant to) {
        List<String> taken = new ArrayList<>();
        taken(List.of(resource), from, to, (r, cell) -> {
            if (r.equals(resource)) {
                taken.add(Reservation.idOf(r, cell));
            }
        });
        return taken;
    }

    /** The ids of the cells a bucket marks (tests and the migration's checks). */
    List<String> cellsOf(String bucketId) {
        Document bucket = collection().find(new Document("_id", bucketId)).first();
        List<String> cells = new ArrayList<>();
        if (bucket != null) {
            DayBits.of(DayBuckets.dayOfId(bucketId), bucket)
                    .forEach((resource, cell) -> cells.add(Reservation.idOf(resource, cell)));
        }
        return cells;
    }

    /**
     * Turns buckets of the entry layout ({@code cells}: {cell, holder}) into bits, a batch of ids at a
     * time; a bucket already converted is left alone. Answers how many it converted.
     */
    int convertEntries(Collection<String> bucketIds) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        for (String id : bucketIds) {
            Change fromEntries = (bits, stored) -> {
                for (Document entry : stored.getList(LEGACY_ENTRIES, Document.class, List.of())) {
                    String cell = entry.getString("c");
                    if (cell != null) {
                        bits.set(Reservation.resourceOf(cell), Reservation.cellOf(cell));
                    }
                }
                return stored.containsKey(LEGACY_ENTRIES);
            };
            pending.put(id, new Pending(DayBuckets.scopeOfId(id), DayBuckets.dayOfId(id), List.of(fromEntries)));
        }
        return write(pending);
    }
}
