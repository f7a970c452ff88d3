package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.SessionStopped;

/**
 * How an infusion stopped early: why, the minutes actually infused, the dose actually given and
 * when.
 */
public record SessionStop(SessionStopped.Reason reason, int infusionMinutes, BigDecimal doseMg, Instant stoppedAt) {}
