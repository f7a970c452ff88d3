package org.clinicops.scheduling.booking.application;

import java.math.BigDecimal;
import org.clinicops.events.SessionStopped;
import org.jspecify.annotations.Nullable;

/**
 * Stop an infusion in progress.
 *
 * @param infusionMinutes the minutes actually infused
 * @param doseMg the dose actually given; null for the plan's dose pro rata of the minutes
 */
public record StopSessionCommand(
        SessionStopped.Reason reason,
        int infusionMinutes,
        @Nullable BigDecimal doseMg) {}
