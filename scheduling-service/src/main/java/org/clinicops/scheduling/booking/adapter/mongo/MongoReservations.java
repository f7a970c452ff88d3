package org.clinicops.scheduling.booking.adapter.mongo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
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
import java.util.stream.Collectors;
import org.clinicops.scheduling.booking.application.Reservations;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.DependsOn;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reservation cells and the structures that find them without scanning, and the order in which they
 * are written so that a crash between two writes never lets a cell be taken twice:
 *
 * <ul>
 *   <li>{@link ReservationCells} ({@code reservations}): one document per cell, whose unique {@code
 *       _id} is the only guard against double booking; everything else is a hint or a worklist.
 *   <li>{@link DayOccupancy} ({@code reservation_days}): the day buckets occupancy is read from, one
 *       bit per resource and cell ({@link DayBits}).
 *   <li>{@link WriteAheadLog} ({@code reservation_holds}, {@code reservation_checks}): every cell an
 *       appointment tries to take, written before the cells, and the worklist of the {@link
 *       ReservationSweep}.
 * </ul>
 *
 * Every query of the booking path is answered by {@code _id} ({@code $in} for many) or by the unique
 * index {@code {_id, appointmentId}}: a booking reads the buckets of its window's days, whose size is
 * bounded by the resources and cells of a day whatever the history. The indexes and layout migrations are set up at start-up by
 * {@link SchedulingStoreSetup}.
 */
@Component
@DependsOn(SchedulingStoreSetup.BEAN)
public class MongoReservations implements Reservations {

    private final Clock clock;
    private final ReservationCells cells;
    private final DayOccupancy days;
    private final WriteAheadLog log;
    private final ReservationSweep sweep;

    /**
     * The holds this instance has just created, by appointment, with the cells they list: a booking's
     * release right after its appointment was stored, keeping all those cells, has nothing to release
     * and needs no read of the holds (no earlier attempt of the appointment listed anything). An entry
     * is taken by the first such release and dropped by any other write to the appointment's holds;
     * one left behind (a booking that failed in between) expires. A hold another instance adds to
     * meanwhile belongs to an attempt that loses the appointment's insert and releases its own cells,
     * or, if it crashed, to the sweep through the check it filed first.
     */
    private final Cache<String, Set<String>> createdHolds = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    public MongoReservations(MongoTemplate mongo, Clock clock) {
        this.clock = clock;
        this.cells = new ReservationCells(mongo);
        this.days = new DayOccupancy(mongo);
        this.log = new WriteAheadLog(mongo);
        this.sweep = new ReservationSweep(
                mongo, cells, days, log, (appointmentId, siteId, ids) -> release(appointmentId, siteId, ids, false));
    }

    // ---------------------------------------------------------------------------------------------
    // reserving

    @Override
    public boolean reserveAll(List<Reservation> reservations) {
        return reserve(reservations, true);
    }

    /**
     * Files no worklist entry: the sweep would reconcile every imported appointment once, a read of
     * the whole import while the service runs. The import is repeatable instead (a second run counts
     * the cells of the first as its own and stores the appointments a crash left out).
     */
    @Override
    public boolean reserveImported(List<Reservation> reservations) {
        return reserve(reservations, false);
    }

    private boolean reserve(List<Reservation> reservations, boolean check) {
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
        if (check) {
            log.fileCheck(byAppointment.keySet(), List.of(), now);
        }
        // 2. write-ahead: the holds list every cell before it exists, so a release finds it
        List<WriteAheadLog.Hold> holds = new ArrayList<>();
        byAppointment.forEach((appointmentId, taken) -> holds.add(new WriteAheadLog.Hold(
                appointmentId,
                taken.get(0).siteId(),
                taken.stream().map(Reservation::id).toList())));
        Set<String> created = log.hold(holds);
        byAppointment.forEach((appointmentId, taken) -> {
            if (created.contains(appointmentId)) {
                createdHolds.put(
                        appointmentId, taken.stream().map(Reservation::id).collect(Collectors.toUnmodifiableSet()));
            } else {
                createdHolds.invalidate(appointmentId);
            }
        });
        // 3. the cells: the unique _id decides
        Set<String> refused = cells.insert(reservations, now);
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
                inserted.forEach(cells::delete);
                unlisted.forEach(log::unhold);
                createdHolds.invalidateAll(byAppointment.keySet());
                return false;
            }
        }
        // 4. the day buckets, after the cells: a crash before this leaves them lagging, not lying
        days.add(reservations);
        return true;
    }

    /**
     * The refused cells not held by the appointment that asked for them (a retry holds its own).
     * Cells held by another appointment are added to their buckets: a lagging bucket heals on the
     * collision.
     */
    private Set<String> lostCells(List<Reservation> reservations, Set<String> refused, Date now) {
        Map<String, ReservationCells.Held> holders = cells.byId(refused);
        Set<String> lost = new HashSet<>();
        List<Reservation> othersCells = new ArrayList<>();
        for (Reservation r : reservations) {
            if (!refused.contains(r.id())) {
                continue;
            }
            ReservationCells.Held holder = holders.get(r.id());
            if (holder == null || !r.appointmentId().equals(holder.appointmentId())) {
                lost.add(r.id());
                if (holder != null) {
                    othersCells.add(
                            new Reservation(r.id(), r.resource(), r.siteId(), r.cell(), holder.appointmentId()));
                }
            }
        }
        if (!othersCells.isEmpty()) {
            days.add(othersCells);
            // the holder may be releasing right now: the sweep checks these entries later
            Map<String, List<String>> byHolder = new LinkedHashMap<>();
            othersCells.forEach(r -> byHolder.computeIfAbsent(r.appointmentId(), a -> new ArrayList<>())
                    .add(r.id()));
            byHolder.forEach((holder, ids) -> log.fileCheck(List.of(holder), ids, now));
        }
        return lost;
    }

    // ---------------------------------------------------------------------------------------------
    // releasing

    @Override
    public void releaseExcept(String appointmentId, Collection<String> keep) {
        Set<String> created = createdHolds.asMap().remove(appointmentId);
        if (created != null && keep.containsAll(created)) {
            return; // the holds list only cells kept
        }
        WriteAheadLog.Holds holds = log.holdsOf(appointmentId);
        Set<String> release = new LinkedHashSet<>(holds.cells());
        release.removeAll(keep);
        release(appointmentId, holds.siteId(), release, true);
    }

    @Override
    public void releaseFrom(String appointmentId, Instant from) {
        WriteAheadLog.Holds holds = log.holdsOf(appointmentId);
        List<String> release = holds.cells().stream()
                .filter(id -> !Reservation.cellOf(id).isBefore(from))
                .toList();
        release(appointmentId, holds.siteId(), release, true);
    }

    /**
     * Releases cells of the appointment: bucket bits first, then the cells (only while this
     * appointment holds them), then the holds. A bit has no holder, so only the bits of cells this
     * appointment holds are cleared: a cell its holds list but another appointment took, or nobody
     * holds, stays marked (the sweep clears a free cell's bit). A crash halfway leaves cells that the
     * holds still list and the sweep finds through the check filed first. Answers how many cells were
     * deleted.
     */
    private int release(String appointmentId, @Nullable String siteId, Collection<String> ids, boolean check) {
        createdHolds.invalidate(appointmentId);
        if (ids.isEmpty()) {
            return 0;
        }
        if (check) {
            log.fileCheck(List.of(appointmentId), List.of(), Date.from(clock.instant()));
        }
        Map<String, ReservationCells.Held> stored = cells.byId(ids);
        String site = siteId;
        List<String> unmark = new ArrayList<>();
        for (String id : ids) {
            ReservationCells.Held held = stored.get(id);
            // only a cell this appointment still holds: nobody else can take it before it is deleted
            // below, while a cell nobody holds may be taken (and marked) by another scheduler between
            // this read and the bucket write, which would then clear the new holder's bit
            if (held != null && appointmentId.equals(held.appointmentId())) {
                unmark.add(id);
            }
            if (site == null && held != null) {
                site = held.siteId();
            }
        }
        if (site != null) {
            days.remove(site, unmark);
        }
        int deleted = cells.delete(appointmentId, new ArrayList<>(ids));
        log.unhold(appointmentId, ids);
        return deleted;
    }

    // ---------------------------------------------------------------------------------------------
    // reading and sweeping

    /**
     * The bits of the window's buckets; the cells of the ignored appointments are read by appointment
     * (their holds, then those cells by {@code _id}), so ignoring costs what they hold.
     */
    @Override
    public Occupancy occupancy(
            String siteId,
            Collection<String> resources,
            Instant from,
            Instant to,
            Collection<String> ignoreAppointmentIds) {
        Occupancy taken = days.occupancy(siteId, resources, from, to);
        if (!ignoreAppointmentIds.isEmpty() && !taken.isEmpty()) {
            Set<String> ignored = Set.copyOf(ignoreAppointmentIds);
            List<String> listed = log.cellsOf(ignored).stream()
                    .filter(id -> !taken.isFree(id))
                    .toList();
            if (!listed.isEmpty()) {
                cells.byId(listed).forEach((id, held) -> {
                    String holder = held.appointmentId();
                    if (holder != null && ignored.contains(holder)) {
                        taken.free(id);
                    }
                });
            }
        }
        return taken;
    }

    @Override
    public List<TakenCell> atSite(String siteId, Instant from, Instant to) {
        List<TakenCell> found = new ArrayList<>();
        days.atSite(siteId, from, to, (resource, cell) -> found.add(new TakenCell(resource, cell)));
        return found;
    }

    /** Cells of a patient or clinician (resources with their own buckets) in [from, to). */
    @Override
    public List<String> occupancyOf(String resource, Instant from, Instant to) {
        return days.occupancyOf(resource, from, to);
    }

    @Override
    public int sweepOrphans(Instant createdBefore) {
        return sweep.sweepOrphans(createdBefore);
    }
}
