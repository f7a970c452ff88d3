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
 * <p>A consumer whose whole change is one aggregate document keeps the inbox in that document
 * instead ({@link #processInDocument}, {@link org.clinicops.platform.outbox.AggregateRoot#applyOnce}):
 * the handler loads the document, skips the event when the document's {@code inbox} list holds
 * {@code handler/ce_id}, else changes it, appends the entry and saves it with its version. One read
 * and one write instead of a read and a write of {@code processed_events} besides. Why each event is
 * still applied at most once per handler, and never lost:
 *
 * <ul>
 *   <li>The change and its entry are one document write, atomic in MongoDB: a crash before it
 *       stores neither (the redelivered event is applied as new), a crash after it stores both (the
 *       redelivered event finds its entry: duplicate). There is no window between applying and
 *       recording, unlike {@link #process}, which relies on the handler's idempotence for it.
 *   <li>A save is conditional on the version read: when another delivery of the same event (or any
 *       other change) was saved in between, this save is refused and the attempt runs again on
 *       the stored document ({@link org.clinicops.platform.change.ConcurrentChanges#retry}), where it
 *       finds the entry.
 *   <li>A handler that throws saves nothing and records nothing; the record is redelivered.
 *   <li>The list is bounded ({@link org.clinicops.platform.outbox.AggregateRoot#INBOX_KEPT_PER_HANDLER}
 *       entries per handler, oldest dropped): an event is recognised as long as fewer than that many
 *       later events of the same handler were applied to the same document, far more than one
 *       document receives from a handler in its life. Handlers keep their changes idempotent where
 *       they can (furthest state wins), as for {@code processed_events} after its retention.
 * </ul>
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
     * an insert whose {@code _id} is the {@code ce_id} (a duplicate key is a duplicate), or in the
     * one document it changes, whose state shows the event applied (an idempotent merge, saved with
     * its version only when it changed), so nothing is read or written in {@code processed_events}.
     * The handler answers whether the event was new. Only for handlers whose whole change is that
     * one write: a handler that writes more than one document needs {@link #apply}.
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

    /**
     * Applies a record whose handler is idempotent by a key the event carries and recognises a
     * repeat itself (a booking keyed by its request id that finds the booking it made), so nothing
     * is read or written in {@code processed_events}: the handler's idempotence, which {@link
     * #process} relies on for a crash between applying and recording anyway, is the whole guarantee.
     * A redelivery is thus applied again and must change nothing; the handler answers whether the
     * event was new.
     */
    public <T extends ClinicEvent> Outcome processIdempotent(
            ConsumerRecord<String, byte[]> record, Class<T> payloadType, Predicate<InboundEvent<T>> handler) {
        return applyOnce(read(record, EventType.of(payloadType), payloadType), handler);
    }

    private <T extends ClinicEvent> Outcome apply(
            InboundEvent<T> event,
            String handlerName,
            Consumer<InboundEvent<T>> handler,
            String topic,
            int partition,
            long offset) {
        String key = key(handlerName, event.id());
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

    /**
     * Applies the record to the one document the handler changes, which keeps its own inbox: no
     * {@code processed_events} entry is read or written (see the class comment for the argument).
     * The handler is named after the event type, as for {@link #process}.
     */
    public <T extends ClinicEvent> Outcome processInDocument(
            ConsumerRecord<String, byte[]> record, Class<T> payloadType, DocumentHandler<T> handler) {
        EventType expected = EventType.of(payloadType);
        return applyInDocument(read(record, expected, payloadType), expected.eventName(), handler);
    }

    /** Applies an already read event to the one document the handler changes, which keeps its own inbox. */
    public <T extends ClinicEvent> Outcome applyInDocument(
            InboundEvent<T> event, String handlerName, DocumentHandler<T> handler) {
        if (handlerName.contains(KEY_SEPARATOR)) {
            throw new IllegalArgumentException("a handler name holds no " + KEY_SEPARATOR + ": " + handlerName);
        }
        AppliedEvent entry = AppliedEvent.of(handlerName, event, clock.instant());
        return applyOnce(event, e -> handler.apply(e.payload(), entry));
    }

    /**
     * A handler whose change is one aggregate document with its own inbox: it loads the document,
     * changes it through {@link org.clinicops.platform.outbox.AggregateRoot#applyOnce} with the
     * entry and, when that applied the change, saves it with its version (retrying a lost race on
     * the stored document). It answers whether the event was new to the document; an event for no
     * document of the service is applied to nothing, and answers true.
     */
    @FunctionalInterface
    public interface DocumentHandler<T extends ClinicEvent> {
        boolean apply(T payload, AppliedEvent entry);
    }

    /** The {@code _id} of an entry: the handler name, then the {@code ce_id}. */
    static String key(String handlerName, String eventId) {
        return handlerName + KEY_SEPARATOR + eventId;
    }

    /** The handler name of an entry's {@code _id} (handler names hold no separator, event ids may). */
    static String handlerOf(String key) {
        int separator = key.indexOf(KEY_SEPARATOR);
        return separator < 0 ? "" : key.substring(0, separator);
    }

    /** The {@code ce_id} of an entry's {@code _id}. */
    static String eventIdOf(String key) {
        return key.substring(handlerOf(key).length() + KEY_SEPARATOR.length());
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
