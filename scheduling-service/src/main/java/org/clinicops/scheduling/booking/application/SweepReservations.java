package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Removes reservation cells that a crashed booking left without an appointment, after a grace period. */
@Service
public class SweepReservations {

    private final Reservations reservations;
    private final SchedulingProperties properties;
    private final Clock clock;
    private final FullSites fullSites;

    SweepReservations(Reservations reservations, SchedulingProperties properties, Clock clock, FullSites fullSites) {
        this.reservations = reservations;
        this.fullSites = fullSites;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${clinic.scheduling.sweep-interval:60s}")
    public int sweep() {
        int swept = reservations.sweepOrphans(clock.instant().minus(properties.reservationGrace()));
        if (swept > 0) {
            fullSites.forgetAll(); // the cells may have made a search find a site full
        }
        return swept;
    }
}
