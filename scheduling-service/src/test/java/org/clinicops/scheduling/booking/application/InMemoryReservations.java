package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;

/**
 * Reservation cells in memory with the guarantee of the real store: one holder per cell id, all or
 * none per call, a cell already held by the same appointment counts as reserved.
 */
final class InMemoryReservations implements Reservations {

    private final Map<String, Reservation> cells = new HashMap<>();

    @Override
    public synchronized boolean reserveAll(List<Reservation> reservations) {
        for (Reservation r : reservations) {
            Reservation holder = cells.get(r.id());
            if (holder != null && !holder.appointmentId().equals(r.appointmentId())) {
                return false;
            }
        }
        reservations.forEach(r -> cells.put(r.id(), r));
        return true;
    }

    @Override
    public synchronized void releaseExcept(String appointmentId, Collection<String> keep) {
        Set<String> kept = Set.copyOf(keep);
        cells.values().removeIf(r -> r.appointmentId().equals(appointmentId) && !kept.contains(r.id()));
    }

    @Override
    public synchronized void releaseFrom(String appointmentId, Instant from) {
        cells.values()
                .removeIf(r ->
                        r.appointmentId().equals(appointmentId) && !r.cell().isBefore(from));
    }

    @Override
    public synchronized Occupancy occupancy(
            String siteId,
            Collection<String> resources,
            Instant from,
            Instant to,
            Collection<String> ignoreAppointmentIds) {
        Set<String> wanted = Set.copyOf(resources);
        Set<String> ignored = Set.copyOf(ignoreAppointmentIds);
        return new Occupancy(cells.values().stream()
                .filter(r -> !ignored.contains(r.appointmentId()))
                .filter(r -> r.siteId().equals(siteId) || wanted.contains(r.resource()))
                .filter(r -> !r.cell().isBefore(from) && r.cell().isBefore(to))
                .map(Reservation::id)
                .collect(Collectors.toSet()));
    }

    @Override
    public synchronized List<TakenCell> atSite(String siteId, Instant from, Instant to) {
        return cells.values().stream()
                .filter(r -> r.siteId().equals(siteId))
                .filter(r -> r.resource().startsWith("chair:") || r.resource().startsWith("nurse-capacity:"))
                .filter(r -> !r.cell().isBefore(from) && r.cell().isBefore(to))
                .map(r -> new TakenCell(r.resource(), r.cell()))
                .toList();
    }

    @Override
    public synchronized List<String> occupancyOf(String resource, Instant from, Instant to) {
        return cells.values().stream()
                .filter(r -> r.resource().equals(resource))
                .filter(r -> !r.cell().isBefore(from) && r.cell().isBefore(to))
                .map(Reservation::id)
                .toList();
    }

    @Override
    public synchronized int sweepOrphans(Instant createdBefore) {
        return 0;
    }

    /** Every cell held, for the invariants. */
    synchronized List<Reservation> all() {
        return new ArrayList<>(cells.values());
    }
}
