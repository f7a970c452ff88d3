package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * At any time, the infusions at a site are at most {@code ratio} times its nurses. Each grid cell
 * of a site has that many capacity tokens; an infusion holds one per cell, so the database's unique
 * ids enforce the ratio just as they prevent double booking.
 */
public record NurseRatioPolicy(int ratio) {

    public NurseRatioPolicy {
        if (ratio < 1) {
            throw new IllegalArgumentException("the nurse ratio must be at least 1");
        }
    }

    public int capacity(int nurses) {
        return ratio * Math.max(nurses, 0);
    }

    /** A free capacity token for the cell, if the site is below its capacity then. */
    public Optional<Reservation> freeToken(
            String siteId, int nurses, Instant cell, Occupancy occupancy, String appointmentId) {
        for (int k = 0; k < capacity(nurses); k++) {
            String token = Reservation.nurseCapacity(siteId, k);
            if (occupancy.isFree(token, cell)) {
                return Optional.of(Reservation.of(token, siteId, cell, appointmentId));
            }
        }
        return Optional.empty();
    }
}
