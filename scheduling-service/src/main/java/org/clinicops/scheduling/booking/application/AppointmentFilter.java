package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.jspecify.annotations.Nullable;

/**
 * Which appointments a list shows; a null part lets every appointment through.
 *
 * @param siteIds the sites to show; null for every site
 * @param from the earliest start (inclusive)
 * @param to the start before which the list ends (exclusive)
 */
public record AppointmentFilter(
        @Nullable String patientId,
        @Nullable Collection<String> siteIds,
        @Nullable AppointmentType type,
        @Nullable AppointmentStatus status,
        @Nullable Instant from,
        @Nullable Instant to) {}
