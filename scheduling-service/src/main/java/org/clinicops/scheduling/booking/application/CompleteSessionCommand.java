package org.clinicops.scheduling.booking.application;

import org.clinicops.scheduling.booking.domain.OverrideRequest;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Complete an infusion session with what was recorded at it.
 *
 * @param override a clinician's or admin's override of failed discharge checks, or null
 */
public record CompleteSessionCommand(
        SessionOutcome outcome, @Nullable OverrideRequest override) {}
