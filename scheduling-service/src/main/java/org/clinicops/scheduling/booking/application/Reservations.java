package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;

/** The reservation cells in the database, whose unique ids make double booking impossible. */
public interface Reservations {

    /**
     * Inserts every reservation or none: on the first cell held by another appointment, removes the
     * cells this call inserted and answers false. Cells already held by the same appointment count as
     * reserved (a retry after a crash).
     */
    boolean reserveAll(List<Reservation> reservations);

    /**
     * Reserves the cells of imported history as {@link #reserveAll} does, for appointments stored
     * right after: a store may skip the crash bookkeeping of live bookings, since importing the same
     * history again finds its own cells and completes what a crash interrupted.
     */
    default boolean reserveImported(List<Reservation> reservations) {
        return reserveAll(reservations);
    }

    /** Removes the appointment's cells except the ones listed. */
    void releaseExcept(String appointmentId, Collection<String> keep);

    /**
     * Removes the appointment's cells that start at or after {@code from}: a finished session gives
     * its chair, clinician and nurse capacity back for the rest of its booked time.
     */
    void releaseFrom(String appointmentId, Instant from);

    /**
     * The cells taken at the site, or by the given resources anywhere, in [from, to), ignoring the
     * cells of {@code ignoreAppointmentId} (the appointment being moved; none when empty).
     */
    default Occupancy occupancy(
            String siteId, Collection<String> resources, Instant from, Instant to, String ignoreAppointmentId) {
        return occupancy(
                siteId, resources, from, to, ignoreAppointmentId.isEmpty() ? List.of() : List.of(ignoreAppointmentId));
    }

    /**
     * The cells taken at the site, or by the given resources anywhere, in [from, to), ignoring the
     * cells these appointments hold (a store reads them by appointment, so ignoring costs what those
     * appointments hold, not what the window holds).
     */
    Occupancy occupancy(
            String siteId,
            Collection<String> resources,
            Instant from,
            Instant to,
            Collection<String> ignoreAppointmentIds);

    /**
     * The taken cells of a site's own resources (chairs, nurse capacity) in [from, to), for the board
     * and metrics, without their holders; patients' and clinicians' cells are read per resource with
     * {@link #occupancyOf}.
     */
    List<TakenCell> atSite(String siteId, Instant from, Instant to);

    /** A taken cell of a resource: who holds it is the reservation's business, not the listing's. */
    record TakenCell(String resource, Instant cell) {

        public String id() {
            return Reservation.idOf(resource, cell);
        }
    }

    /** Ids of the cells a resource holds in [from, to). */
    List<String> occupancyOf(String resource, Instant from, Instant to);

    /** Removes cells older than {@code createdBefore} that no appointment holds; answers how many. */
    int sweepOrphans(Instant createdBefore);
}
