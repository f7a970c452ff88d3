package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reconciles what the {@link WriteAheadLog} worklist names after the grace period: removes cells no
 * appointment holds and the bucket bits of cells nobody holds. Only the worklist is
 * scanned, and it only holds recent writes, so the sweep never reads the history.
 */
final class ReservationSweep {

    static final int BATCH = 2000;

    /** Releases cells of an appointment in the protocol's order (bucket entries, cells, holds). */
    @FunctionalInterface
    interface Release {
        int release(String appointmentId, String siteId, Collection<String> cells);
    }

    private final MongoTemplate mongo;
    private final ReservationCells cells;
    private final DayOccupancy days;
    private final WriteAheadLog log;
    private final Release release;

    ReservationSweep(
            MongoTemplate mongo, ReservationCells cells, DayOccupancy days, WriteAheadLog log, Release release) {
        this.mongo = mongo;
        this.cells = cells;
        this.days = days;
        this.log = log;
        this.release = release;
    }

    /**
     * Reconciles the appointments of the checks filed before {@code createdBefore}; answers how many
     * cells it removed.
     */
    int sweepOrphans(Instant createdBefore) {
        List<WriteAheadLog.Check> due = log.due(createdBefore, BATCH);
        Map<String, Set<String>> work = new LinkedHashMap<>();
        for (WriteAheadLog.Check check : due) {
            for (String appointmentId : check.appointmentIds()) {
                work.computeIfAbsent(appointmentId, a -> new LinkedHashSet<>()).addAll(check.cells());
            }
        }
        int removed = 0;
        for (Map.Entry<String, Set<String>> e : work.entrySet()) {
            removed += reconcile(e.getKey(), e.getValue(), createdBefore);
        }
        log.done(due);
        return removed;
    }

    private int reconcile(String appointmentId, Set<String> extra, Instant createdBefore) {
        WriteAheadLog.Holds holds = log.holdsOf(appointmentId);
        Set<String> listed = new LinkedHashSet<>(extra);
        listed.addAll(holds.cells());
        String siteId = holds.siteId();
        if (listed.isEmpty()) {
            return 0;
        }
        Set<Object> kept = keptBy(appointmentId);
        Map<String, ReservationCells.Held> stored = cells.byId(listed);
        List<String> orphans = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (String id : listed) {
            ReservationCells.Held cell = stored.get(id);
            if (cell == null || !appointmentId.equals(cell.appointmentId())) {
                notHeld.add(id);
            } else {
                if (siteId == null) {
                    siteId = cell.siteId();
                }
                Date created = cell.createdAt();
                if (!kept.contains(id) && created != null && created.toInstant().isBefore(createdBefore)) {
                    orphans.add(id);
                }
            }
        }
        if (siteId == null) {
            return 0;
        }
        List<String> free =
                notHeld.stream().filter(id -> !stored.containsKey(id)).toList();
        if (!free.isEmpty()) {
            // bits of cells nobody holds any more (a heal that raced its holder's release); the holders
            // are read again inside each write round, so a cell another scheduler takes meanwhile keeps
            // its bit
            days.removeFree(siteId, free, ids -> cells.byId(ids).keySet());
        }
        return release.release(appointmentId, siteId, orphans);
    }

    /** The cells the stored appointment lists (none when there is no appointment). */
    private Set<Object> keptBy(String appointmentId) {
        @Nullable
        Document appointment = mongo.getCollection("appointments")
                .find(new Document("_id", appointmentId))
                .projection(new Document("reservationIds", 1))
                .first();
        return appointment == null
                ? Set.of()
                : new HashSet<>(appointment.getList("reservationIds", Object.class, List.of()));
    }
}
