package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cells known to be taken when a search starts, by resource. Only a hint that keeps the search
 * fast: the database's unique ids decide, and a lost race marks the cell taken and searches on.
 *
 * <p>Cells are kept per resource as their starts in epoch seconds, so a search asks about a resource
 * and a time without building the reservation's id text ({@code resource@instant}): it checks
 * thousands of cells for one booking, and building and hashing those ids was most of its CPU.
 */
public final class Occupancy {

    private final Map<String, Set<Long>> taken;

    private Occupancy(Map<String, Set<Long>> taken) {
        this.taken = taken;
    }

    /** Occupancy of these reservation ids ({@code resource@instant}). */
    public Occupancy(Collection<String> reservationIds) {
        this(new HashMap<>());
        reservationIds.forEach(this::take);
    }

    public static Occupancy empty() {
        return new Occupancy(List.of());
    }

    /** Whether no cell is known to be taken. */
    public boolean isEmpty() {
        return taken.values().stream().allMatch(Set::isEmpty);
    }

    public boolean isFree(String resource, Instant cell) {
        Set<Long> cells = taken.get(resource);
        return cells == null || !cells.contains(cell.getEpochSecond());
    }

    public boolean isFree(String reservationId) {
        return isFree(Reservation.resourceOf(reservationId), Reservation.cellOf(reservationId));
    }

    public boolean allFree(Collection<Reservation> reservations) {
        for (Reservation r : reservations) {
            if (!isFree(r.resource(), r.cell())) {
                return false;
            }
        }
        return true;
    }

    public void take(String resource, Instant cell) {
        taken.computeIfAbsent(resource, r -> new HashSet<>()).add(cell.getEpochSecond());
    }

    public void take(Collection<Reservation> reservations) {
        reservations.forEach(r -> take(r.resource(), r.cell()));
    }

    public void take(String reservationId) {
        take(Reservation.resourceOf(reservationId), Reservation.cellOf(reservationId));
    }

    /** Forgets a taken cell (one the search may use again, e.g. held by the appointment being moved). */
    public void free(String reservationId) {
        Set<Long> cells = taken.get(Reservation.resourceOf(reservationId));
        if (cells != null) {
            cells.remove(Reservation.cellOf(reservationId).getEpochSecond());
        }
    }

    public Occupancy copy() {
        Map<String, Set<Long>> copied = new HashMap<>();
        taken.forEach((resource, cells) -> copied.put(resource, new HashSet<>(cells)));
        return new Occupancy(copied);
    }
}
