package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;

/** Book every session of an approved treatment plan, whole or not at all. */
public record BookInfusionSeriesCommand(
        InfusionPlan plan, String patientId, String siteId, SpacingPolicy spacing, Instant approvedAt) {}
