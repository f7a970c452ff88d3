package org.clinicops.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate outboxes, then removes them from their documents.
 *
 * <p>A save of an aggregate with pending events wakes the relay up for that document (fast path);
 * a periodic sweep over every aggregate collection picks up whatever a crash left behind, so an
 * event written with its state change is published even when the process died before sending it.
 * Within a document events are sent in order and the next one waits for the previous to be
 * acknowledged (idempotent producer, acks=all). Delivery is at least once: a crash after sending
 * and before removing, or a concurrent save that writes back an event already sent, publishes it
 * again with the same {@code ce_id}, which consumers discard.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Document HAS_PENDING =
            new Document(AggregateRoot.OUTBOX_FIELD + ".0", new Document("$exists", true));

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Set<String> collections;
    private final URI source;
    private final String service;
    private final MeterRegistry meters;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    private final int batchSize;

    private final Semaphore signal = new Semaphore(0);
    private final ConcurrentLinkedQueue<DocumentRef> dirty = new ConcurrentLinkedQueue<>();
    private final Map<String, Counter> publishedByType = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread worker;
    private volatile long nextSweep;
    private volatile boolean sweepDue = true;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            Set<String> collections,
            String service,
            MeterRegistry meters,
            Duration sweepInterval,
            Duration sendTimeout,
            int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = Set.copyOf(collections);
        this.service = service;
        this.source = CloudEventRecords.sourceOf(service);
        this.meters = meters;
        this.sweepInterval = sweepInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
        Gauge.builder("clinic.outbox.pending", pending, AtomicLong::get)
                .description("Events written to outboxes and not yet published")
                .tag("service", service)
                .register(meters);
    }

    /** Tells the relay that a document of the collection has pending events. */
    public void wakeUp(String collection, Object id) {
        dirty.add(new DocumentRef(collection, id));
        signal.release();
    }

    /** Publishes everything pending now, on the caller's thread (tests, shutdown). */
    public synchronized int drainAll() {
        int sent = 0;
        dirty.clear();
        long found = 0;
        for (String collection : collections) {
            List<Document> batch;
            do {
                batch = mongo.getCollection(collection)
                        .find(HAS_PENDING)
                        .projection(new Document(AggregateRoot.OUTBOX_FIELD, 1))
                        .limit(batchSize)
                        .into(new ArrayList<>());
                for (Document doc : batch) {
                    found += outboxOf(doc).size();
                    int published = publish(collection, doc);
                    sent += published;
                    found -= published;
                    if (published == 0) {
                        // broker unavailable: keep the rest for the next sweep
                        pending.set(Math.max(found, 0));
                        return sent;
                    }
                }
            } while (batch.size() == batchSize);
        }
        pending.set(Math.max(found, 0));
        sweepDue = false;
        nextSweep = System.nanoTime() + sweepInterval.toNanos();
        return sent;
    }

    private synchronized void drainDirty() {
        DocumentRef ref;
        while ((ref = dirty.poll()) != null) {
            Document doc = mongo.getCollection(ref.collection())
                    .find(new Document("_id", ref.id()))
                    .projection(new Document(AggregateRoot.OUTBOX_FIELD, 1))
                    .first();
            if (doc != null && !outboxOf(doc).isEmpty() && publish(ref.collection(), doc) == 0) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outboxOf(Document doc) {
        Object outbox = doc.get(AggregateRoot.OUTBOX_FIELD);
        return outbox instanceof List<?> list ? (List<Document>) list : List.of();
    }

    /** Sends the document's pending events in order; returns how many were sent and removed. */
    private int publish(String collection, Document doc) {
        List<Document> outbox = outboxOf(doc);
        List<String> sent = new ArrayList<>();
        try {
            for (Document entry : outbox) {
                PendingEvent event = toPendingEvent(entry);
                CompletableFuture<?> ack = kafka.send(CloudEventRecords.toRecord(event, source));
                ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sent.add(event.eventId());
                publishedByType
                        .computeIfAbsent(
                                event.type(),
                                type -> Counter.builder("clinic.events.published")
                                        .description("Events published by the outbox relay")
                                        .tag("service", service)
                                        .tag("type", type)
                                        .register(meters))
                        .increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("outbox relay could not publish from {}: {}", collection, e.toString());
        }
        if (!sent.isEmpty()) {
            mongo.getCollection(collection)
                    .updateOne(
                            new Document("_id", doc.get("_id")),
                            new Document(
                                    "$pull",
                                    new Document(
                                            AggregateRoot.OUTBOX_FIELD,
                                            new Document("eventId", new Document("$in", sent)))));
        }
        return sent.size();
    }

    private static PendingEvent toPendingEvent(Document entry) {
        Object occurred = entry.get("occurredAt");
        return new PendingEvent(
                entry.getString("eventId"),
                entry.getString("type"),
                entry.getString("topic"),
                entry.getString("key"),
                entry.getString("body"),
                occurred instanceof Date date ? date.toInstant() : java.time.Instant.parse(String.valueOf(occurred)));
    }

    private void loop() {
        while (running) {
            try {
                if (sweepDue || System.nanoTime() - nextSweep >= 0) {
                    drainAll();
                } else {
                    drainDirty();
                }
                signal.tryAcquire(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed: {}", e.toString());
                try {
                    signal.tryAcquire(1, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        sweepDue = true;
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the Kafka producer and before listeners, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private record DocumentRef(String collection, Object id) {}
}
