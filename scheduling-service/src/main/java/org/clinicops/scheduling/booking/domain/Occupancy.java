package org.clinicops.scheduling.booking.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The reservation ids known to be taken when a search starts. Only a hint that keeps the search
 * fast: the database's unique ids decide, and a lost race marks the cell taken and searches on.
 */
public final class Occupancy {

    private final Set<String> taken;

    public Occupancy(Collection<String> taken) {
        this.taken = new HashSet<>(taken);
    }

    public static Occupancy empty() {
        return new Occupancy(Set.of());
    }

    public boolean isFree(String reservationId) {
        return !taken.contains(reservationId);
    }

    public boolean allFree(Collection<Reservation> reservations) {
        return reservations.stream().allMatch(r -> isFree(r.id()));
    }

    public void take(Collection<Reservation> reservations) {
        reservations.forEach(r -> taken.add(r.id()));
    }

    public void take(String reservationId) {
        taken.add(reservationId);
    }

    public Occupancy copy() {
        return new Occupancy(taken);
    }
}
