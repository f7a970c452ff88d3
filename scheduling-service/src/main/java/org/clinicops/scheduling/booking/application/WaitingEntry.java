package org.clinicops.scheduling.booking.application;

import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * A consultation request, a treatment plan or a plan's sessions released from a clinical hold that
 * could not be booked yet. One document per request or plan (id {@code consultation:<requestId>},
 * {@code series:<planId>} or {@code held:<planId>}), so adding it twice is harmless. {@code reason}
 * names why it waits: a booking rule ({@code PATIENT_ON_HOLD}, {@code SPACING}, ...) or {@code
 * NO_CAPACITY}, {@code UNKNOWN_SITE}, .... Holds only ids, codes and numbers.
 *
 * @param doseMgPerKg a waiting plan's weight-based dose, kept so its sessions are checked against it
 *     at discharge; null for a consultation, a fixed dose or an entry stored before it was kept
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
        boolean escortRequired,
        @Nullable BigDecimal doseMgPerKg) {

    /** An entry without a weight-based dose (a consultation, a fixed dose, or stored before mg/kg was kept). */
    public WaitingEntry(
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
        this(
                id,
                kind,
                siteId,
                patientId,
                urgent,
                requestedAt,
                waitingSince,
                reason,
                requestId,
                planId,
                protocol,
                route,
                sessions,
                minSpacingDays,
                maxSpacingDays,
                weekdaysOnly,
                infusionMinutes,
                observationMinutes,
                doseMg,
                escortRequired,
                null);
    }

    /** What is waiting. */
    public enum Kind {
        CONSULTATION,
        SERIES,
        /** Sessions of a plan released from a clinical hold that found no time yet (they stay ON_HOLD). */
        HELD_SESSIONS
    }
}
