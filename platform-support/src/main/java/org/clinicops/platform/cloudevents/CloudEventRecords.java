package org.clinicops.platform.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clinicops.events.EventType;
import org.clinicops.platform.outbox.PendingEvent;

/**
 * Maps clinic events to and from Kafka records in the CloudEvents binary content mode: attributes
 * in {@code ce_*} headers, {@code content-type: application/json}, the JSON body as the value.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {}

    /** The {@code ce_source} of events published by a service. */
    public static URI sourceOf(String serviceName) {
        return URI.create("/clinicops/" + serviceName);
    }

    public static ProducerRecord<String, byte[]> toRecord(PendingEvent event, URI source) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.eventId())
                .withSource(source)
                .withType(event.type())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(EventType.CONTENT_TYPE)
                .withData(event.body().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.<String>createWriter(event.topic(), null, null, event.key())
                .writeBinary(cloudEvent);
    }

    /**
     * Reads the CloudEvent of a record.
     *
     * @throws MalformedEventException when the record is not a valid binary-mode CloudEvent
     */
    public static CloudEvent fromRecord(ConsumerRecord<?, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new MalformedEventException(
                    "record at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " is not a binary-mode CloudEvent",
                    e);
        }
    }
}
