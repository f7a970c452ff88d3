package org.clinicops.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventJson;

/**
 * An event waiting in an aggregate's outbox. The body is stored as the JSON that will be sent, so
 * what is published is exactly what was written with the state change.
 *
 * @param eventId the CloudEvents id ({@code ce_id})
 * @param type the CloudEvents type, e.g. {@code clinic.consultation-requested.v1}
 * @param topic the Kafka topic
 * @param key the Kafka record key (pseudonymous patient id, or site id)
 * @param body the JSON body
 * @param occurredAt the CloudEvents time ({@code ce_time})
 */
public record PendingEvent(String eventId, String type, String topic, String key, String body, Instant occurredAt) {

    public static PendingEvent of(ClinicEvent event, String eventId, Instant occurredAt) {
        var eventType = event.eventType();
        return new PendingEvent(
                eventId,
                eventType.type(),
                eventType.topic(),
                event.key(),
                new String(EventJson.write(event), StandardCharsets.UTF_8),
                occurredAt);
    }
}
