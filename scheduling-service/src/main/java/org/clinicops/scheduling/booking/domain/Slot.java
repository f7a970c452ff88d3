package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A found time with the chair or clinician it uses and the reservations that hold it. */
public record Slot(
        Instant startsAt,
        Instant endsAt,
        @Nullable String clinicianId,
        @Nullable String chairId,
        List<Reservation> reservations) {

    public Slot {
        reservations = List.copyOf(reservations);
    }
}
