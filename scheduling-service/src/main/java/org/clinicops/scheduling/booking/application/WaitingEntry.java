package org.clinicops.scheduling.booking.application;

import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * A consultation request or a treatment plan that could not be booked yet. One document per request
 * or plan (id {@code consultation:<requestId>} or {@code series:<planId>}), so adding it twice is
 * harmless. Holds only ids, codes and numbers.
 */
public record WaitingEntry(
        String id,
        Kind kind,
        String siteId,
        String patientId,
        boolean urgent,
        Instant requestedAt,
        Instant waitingSince,
        String reason,
        @Nullable String requestId,
        @Nullable String planId,
        @Nullable Protocol protocol,
        @Nullable Route route,
        int sessions,
        int minSpacingDays,
        int maxSpacingDays,
        boolean weekdaysOnly,
        int infusionMinutes,
        int observationMinutes,
        @Nullable BigDecimal doseMg,
        boolean escortRequired) {

    /** What is waiting. */
    public enum Kind {
        CONSULTATION,
        SERIES
    }
}
