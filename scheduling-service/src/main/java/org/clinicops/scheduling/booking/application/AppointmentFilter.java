package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.jspecify.annotations.Nullable;

/**
 * Which appointments a list shows; a null part lets every appointment through.
 *
 * @param siteIds the sites to show; null for every site
 * @param status one status to show; null for any
 * @param from the earliest start (inclusive)
 * @param to the start before which the list ends (exclusive)
 * @param statuses several statuses, any of which is shown (the FHIR API's codes map to several);
 *     null for any. With {@code status} too, only the statuses both let through.
 */
public record AppointmentFilter(
        @Nullable String patientId,
        @Nullable Collection<String> siteIds,
        @Nullable AppointmentType type,
        @Nullable AppointmentStatus status,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Set<AppointmentStatus> statuses) {

    public AppointmentFilter {
        statuses = statuses == null ? null : Set.copyOf(statuses);
    }

    /** A filter of one status or none. */
    public AppointmentFilter(
            @Nullable String patientId,
            @Nullable Collection<String> siteIds,
            @Nullable AppointmentType type,
            @Nullable AppointmentStatus status,
            @Nullable Instant from,
            @Nullable Instant to) {
        this(patientId, siteIds, type, status, from, to, null);
    }

    /** The statuses shown, from {@code status} and {@code statuses}; null for any (possibly empty: none). */
    public @Nullable Set<AppointmentStatus> allowedStatuses() {
        if (statuses == null) {
            return status == null ? null : Set.of(status);
        }
        if (status == null) {
            return statuses;
        }
        Set<AppointmentStatus> both = EnumSet.noneOf(AppointmentStatus.class);
        if (statuses.contains(status)) {
            both.add(status);
        }
        return both;
    }
}
