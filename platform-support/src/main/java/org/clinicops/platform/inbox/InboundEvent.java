package org.clinicops.platform.inbox;

import java.time.Instant;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventType;

/**
 * A clinic event as it arrived: the CloudEvents attributes and the typed payload.
 *
 * @param id the {@code ce_id}
 * @param time the {@code ce_time}
 */
public record InboundEvent<T extends ClinicEvent>(String id, EventType type, String source, Instant time, T payload) {}
