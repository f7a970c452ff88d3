package org.clinicops.monitoring.indicators.domain;

import java.time.Instant;
import org.clinicops.events.ClinicEvent;

/**
 * One clinic event as monitoring recorded it: the fact the indicators are derived from.
 *
 * @param id the event's {@code ce_id}, unique per fact
 * @param time the event's {@code ce_time}
 */
public record RecordedEvent(String id, Instant time, ClinicEvent event) {}
