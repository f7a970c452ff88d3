package org.clinicops.platform.inbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.cloudevents.ForeignSourceException;
import org.clinicops.platform.cloudevents.MalformedEventException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applies each clinic event at most once per service and handler.
 *
 * <p>For every record: read the CloudEvent, skip it when its {@code ce_id} is already in the
 * {@code processed_events} collection (unique {@code _id}), otherwise apply it and then record it.
 * A crash between applying and recording leads to the event being applied again on redelivery, so
 * handlers also write with natural keys or upserts: recording here is the fast path, the handler's
 * own idempotence the guarantee.
 *
 * <p>Only the owner of a topic may publish on it: an event whose {@code ce_source} is not {@link
 * EventType#source()} of its type is refused with {@link ForeignSourceException} (straight to the
 * dead-letter topic), whichever listener reads it.
 *
 * <p>Outcomes are counted as {@code clinic_events_consumed_total{type,outcome}} with
 * outcome {@code applied}, {@code duplicate} or {@code failed}.
 */
public class EventInbox {

    public static final String COLLECTION = "processed_events";
    /** Between the handler name and the {@code ce_id} in an entry's {@code _id}. */
    private static final String KEY_SEPARATOR = "/";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EventInbox(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
    }

    /** Applies the record with the handler unless its event was applied before. */
    public <T extends ClinicEvent> Outcome process(
            ConsumerRecord<String, byte[]> record, Class<T> payloadType, Consumer<InboundEvent<T>> handler) {
        return process(record, payloadType, EventType.of(payloadType).eventName(), handler);
    }

    /**
     * Applies the record with the handler unless this handler applied its event before. Use a
     * distinct {@code handlerName} when one service applies the same event in two ways.
     */
    public <T extends ClinicEvent> Outcome process(
            ConsumerRecord<String, byte[]> record,
            Class<T> payloadType,
            String handlerName,
            Consumer<InboundEvent<T>> handler) {
        EventType expected = EventType.of(payloadType);
        InboundEvent<T> event = read(record, expected, payloadType);
        return apply(event, handlerName, handler, record.topic(), record.partition(), record.offset());
    }

    /** Reads any clinic event from a record, whatever its type. */
    public InboundEvent<ClinicEvent> readAny(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent = CloudEventRecords.fromRecord(record);
        EventType type = EventType.fromType(cloudEvent.getType())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + cloudEvent.getType() + " at "
                        + record.topic() + "-" + record.partition() + "@" + record.offset()));
        @SuppressWarnings("unchecked")
        Class<ClinicEvent> payloadClass = (Class<ClinicEvent>) type.payloadClass();
        return toInbound(record, cloudEvent, type, payloadClass);
    }

    /** Applies an already read event unless this handler applied it before. */
    public <T extends ClinicEvent> Outcome apply(
            InboundEvent<T> event, String handlerName, Consumer<InboundEvent<T>> handler) {
        return apply(event, handlerName, handler, event.type().topic(), -1, -1);
    }

    /**
     * Applies an event whose handler recognises a repeat in the very write that applies it, such as
     * an insert whose {@code _id} is the {@code ce_id} (a duplicate key is a duplicate), so nothing
     * is read or written in {@code processed_events}: one store command instead of three. The
     * handler answers whether the event was new. Only for handlers whose whole change is that one
     * write: a handler that writes more than one document needs {@link #apply}.
     */
    public <T extends ClinicEvent> Outcome applyOnce(InboundEvent<T> event, Predicate<InboundEvent<T>> handler) {
        String type = event.type().type();
        boolean applied;
        try {
            applied = handler.test(event);
        } catch (RuntimeException e) {
            count(type, Outcome.FAILED);
            throw e;
        }
        Outcome outcome = applied ? Outcome.APPLIED : Outcome.DUPLICATE;
        count(type, outcome);
        return outcome;
    }

    private <T extends ClinicEvent> Outcome apply(
            InboundEvent<T> event,
            String handlerName,
            Consumer<InboundEvent<T>> handler,
            String topic,
            int partition,
            long offset) {
        String key = handlerName + KEY_SEPARATOR + event.id();
        String type = event.type().type();
        if (mongo.getCollection(COLLECTION).find(new Document("_id", key)).first() != null) {
            count(type, Outcome.DUPLICATE);
            return Outcome.DUPLICATE;
        }
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            count(type, Outcome.FAILED);
            throw e;
        }
        try {
            mongo.insert(
                    new Document("_id", key)
                            .append("type", type)
                            .append("topic", topic)
                            .append("partition", partition)
                            .append("offset", offset)
                            .append("processedAt", Date.from(clock.instant())),
                    COLLECTION);
        } catch (DuplicateKeyException raced) {
            // another consumer instance applied it concurrently; the handler's idempotence covered it
        }
        count(type, Outcome.APPLIED);
        return Outcome.APPLIED;
    }

    /** The handler name of an entry's {@code _id} (handler names hold no separator, event ids may). */
    static String handlerOf(String key) {
        int separator = key.indexOf(KEY_SEPARATOR);
        return separator < 0 ? "" : key.substring(0, separator);
    }

    private <T extends ClinicEvent> InboundEvent<T> read(
            ConsumerRecord<String, byte[]> record, EventType expected, Class<T> payloadType) {
        CloudEvent cloudEvent = CloudEventRecords.fromRecord(record);
        if (!expected.type().equals(cloudEvent.getType())) {
            throw new MalformedEventException("expected " + expected.type() + " but got " + cloudEvent.getType()
                    + " at " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        return toInbound(record, cloudEvent, expected, payloadType);
    }

    private static <T extends ClinicEvent> InboundEvent<T> toInbound(
            ConsumerRecord<String, byte[]> record, CloudEvent cloudEvent, EventType type, Class<T> payloadType) {
        String source = cloudEvent.getSource().toString();
        if (!type.source().equals(source)) {
            throw new ForeignSourceException("event from " + source + " on " + record.topic() + ", which only "
                    + type.source() + " publishes, at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        if (cloudEvent.getData() == null) {
            throw new MalformedEventException(
                    "event without data at " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        T payload;
        try {
            payload = EventJson.read(cloudEvent.getData().toBytes(), payloadType);
        } catch (RuntimeException e) {
            // the message names the position only: the body may hold values we must not log
            throw new MalformedEventException("body does not match " + type.type() + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        Instant time = cloudEvent.getTime() == null
                ? Instant.ofEpochMilli(record.timestamp())
                : cloudEvent.getTime().toInstant();
        return new InboundEvent<>(cloudEvent.getId(), type, source, time, payload);
    }

    private void count(String type, Outcome outcome) {
        counters.computeIfAbsent(
                        type + "|" + outcome,
                        k -> Counter.builder("clinic.events.consumed")
                                .description("Events consumed, by outcome")
                                .tag("type", type)
                                .tag("outcome", outcome.label())
                                .register(meters))
                .increment();
    }

    /** What happened to a consumed event. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        FAILED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
