package org.clinicops.platform.test;

import java.net.URI;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clinicops.events.EventType;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.outbox.PendingEvent;

/**
 * Kafka records of clinic events as a test publishes them: from the service that owns the topic
 * ({@link EventType#source()}), since consumers refuse an event from anyone else.
 */
public final class EventRecords {

    private EventRecords() {}

    /** The record the owner of the event's topic would publish. */
    public static ProducerRecord<String, byte[]> fromOwner(PendingEvent event) {
        EventType type = EventType.fromType(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + event.type()));
        return CloudEventRecords.toRecord(event, URI.create(type.source()));
    }
}
