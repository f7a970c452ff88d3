package org.clinicops.platform.outbox;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>A save of an aggregate with pending events hands the relay the events it has just stored (fast
 * path): the relay sends them without reading the document, all of a batch before awaiting the
 * acknowledgements (idempotent producer, acks=all, so each key's events keep their order), then
 * removes the acknowledged ones. Removals are written in groups: one bulk write for every document
 * acknowledged within {@code removalDelay} (or for a batch of them, whichever comes first), so a
 * steady trickle of saves costs one command per group rather than one per document. Until then an
 * acknowledged event stays in its document; the relay remembers the last acknowledged event ids and
 * never sends one again when a save writes it back or the sweep finds it, it only removes it.
 * Documents the broker refused are retried after
 * a pause, read by {@code _id} then (the stored outbox is the truth once a send failed), as are
 * documents woken without their events. A sweep over every aggregate collection, at start and then rarely (it
 * scans whole collections), picks up whatever a crash left behind, so an event written with its
 * state change is published even when the process died before sending it. Delivery is at least
 * once: a crash after sending
 * and before removing, or a concurrent save that writes back an event already sent, publishes it
 * again with the same {@code ce_id}, which consumers discard.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /**
     * Acknowledged event ids remembered: far more than are acknowledged within a removal delay, so a
     * save that writes back an event whose removal is still waiting never sends it again.
     */
    private static final int ACKNOWLEDGED_KEPT = 20_000;

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
    private final long removalDelayNanos;

    private final Semaphore signal = new Semaphore(0);
    private final ConcurrentLinkedQueue<DocumentRef> dirty = new ConcurrentLinkedQueue<>();
    private final Map<String, Counter> publishedByType = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    /** Acknowledged events not yet removed, per collection and document; only the relay's lock holds it. */
    private final Map<String, Map<Object, Set<String>>> removals = new LinkedHashMap<>();
    /** {@link System#nanoTime()} when the oldest waiting removal was acknowledged. */
    private long removalsSince;
    /** The last event ids the broker acknowledged (oldest first), so that none is sent twice. */
    private final Map<String, Boolean> acknowledged = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ACKNOWLEDGED_KEPT;
        }
    };

    private volatile boolean running;
    private @Nullable Thread worker;
    private volatile long nextSweep;
    private volatile boolean sweepDue = true;
    /** Set when the fast path could not publish: retry soon, without waiting for the sweep. */
    private volatile boolean retryDue;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            Set<String> collections,
            String service,
            MeterRegistry meters,
            Duration sweepInterval,
            Duration sendTimeout,
            int batchSize,
            Duration removalDelay) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = Set.copyOf(collections);
        this.service = service;
        this.source = CloudEventRecords.sourceOf(service);
        this.meters = meters;
        this.sweepInterval = sweepInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
        this.removalDelayNanos = removalDelay.toNanos();
        Gauge.builder("clinic.outbox.pending", pending, AtomicLong::get)
                .description("Events written to outboxes and not yet published")
                .register(meters);
    }

    /** Tells the relay that a document of the collection has pending events; it reads them. */
    public void wakeUp(String collection, Object id) {
        dirty.add(new DocumentRef(collection, id, null));
        signal.release();
    }

    /**
     * Tells the relay that a document of the collection has just been stored with these pending
     * events (oldest first), so that it can publish them without reading the document.
     */
    public void wakeUp(String collection, Object id, List<PendingEvent> stored) {
        dirty.add(new DocumentRef(
                collection, id, stored.stream().map(OutboxRelay::asStored).toList()));
        signal.release();
    }

    /** The event as the store keeps it: its time to the millisecond (a BSON date), as the sweep reads it. */
    private static PendingEvent asStored(PendingEvent event) {
        Instant stored = event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        return stored.equals(event.occurredAt())
                ? event
                : new PendingEvent(event.eventId(), event.type(), event.topic(), event.key(), event.body(), stored);
    }

    /** Per collection of aggregates, how many documents hold events not published yet (a scan of each). */
    public Map<String, Long> pendingDocuments() {
        flushRemovals(); // what waits only for its removal is published already
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : collections) {
            counts.put(collection, mongo.getCollection(collection).countDocuments(HAS_PENDING));
        }
        return counts;
    }

    /** Publishes everything pending now, on the caller's thread (tests, shutdown). */
    public synchronized int drainAll() {
        int sent = 0;
        dirty.clear();
        flushRemovals();
        for (String collection : collections) {
            List<Document> batch;
            do {
                batch = mongo.getCollection(collection)
                        .find(HAS_PENDING)
                        .projection(new Document(AggregateRoot.OUTBOX_FIELD, 1))
                        .limit(batchSize)
                        .into(new ArrayList<>());
                List<Outbox> outboxes = batch.stream().map(Outbox::of).toList();
                int found = outboxes.stream()
                        .mapToInt(outbox -> outbox.events().size())
                        .sum();
                List<Outbox> unsent = publishAll(collection, outboxes);
                sent += found
                        - unsent.stream()
                                .mapToInt(outbox -> outbox.events().size())
                                .sum();
                if (!unsent.isEmpty()) {
                    // broker unavailable: keep the rest for the next sweep
                    pending.set(unsent.stream()
                            .mapToInt(outbox -> outbox.events().size())
                            .sum());
                    return sent;
                }
                flushRemovals(); // the next page must not find this one's events again
            } while (batch.size() == batchSize);
        }
        pending.set(0);
        sweepDue = false;
        nextSweep = System.nanoTime() + sweepInterval.toNanos();
        return sent;
    }

    /**
     * Publishes the documents the fast path named: up to a batch of them at a time, all their events
     * sent before any acknowledgement is awaited. Events handed over by the save are sent as they
     * are; only documents woken without them are read, by {@code _id}. Documents whose events could
     * not be sent go back to the queue (to be read again) and are retried after a pause.
     */
    private synchronized void drainDirty() {
        while (!dirty.isEmpty()) {
            Map<String, Map<Object, @Nullable List<PendingEvent>>> byCollection = new LinkedHashMap<>();
            DocumentRef ref;
            int taken = 0;
            while (taken < batchSize && (ref = dirty.poll()) != null) {
                Map<Object, @Nullable List<PendingEvent>> docs =
                        byCollection.computeIfAbsent(ref.collection(), c -> new LinkedHashMap<>());
                if (!docs.containsKey(ref.id())) {
                    taken++;
                    docs.put(ref.id(), ref.events() == null ? null : new ArrayList<>(ref.events()));
                } else {
                    List<PendingEvent> known = docs.get(ref.id());
                    if (known == null || ref.events() == null) {
                        docs.put(ref.id(), null); // read the document: it holds all of them
                    } else {
                        merge(known, ref.events());
                    }
                }
            }
            for (Map.Entry<String, Map<Object, @Nullable List<PendingEvent>>> entry : byCollection.entrySet()) {
                String collection = entry.getKey();
                List<Outbox> outboxes = new ArrayList<>();
                List<Object> toRead = new ArrayList<>();
                entry.getValue().forEach((id, events) -> {
                    if (events == null) {
                        toRead.add(id);
                    } else {
                        outboxes.add(new Outbox(id, events));
                    }
                });
                if (!toRead.isEmpty()) {
                    mongo.getCollection(collection)
                            .find(new Document("_id", new Document("$in", toRead)))
                            .projection(new Document(AggregateRoot.OUTBOX_FIELD, 1))
                            .forEach(doc -> outboxes.add(Outbox.of(doc)));
                }
                outboxes.removeIf(outbox -> outbox.events().isEmpty());
                List<Outbox> unsent = publishAll(collection, outboxes);
                if (!unsent.isEmpty()) {
                    unsent.forEach(outbox -> dirty.add(new DocumentRef(collection, outbox.id(), null)));
                    retryDue = true;
                    return;
                }
            }
            if (nanosUntilRemovalsDue() == 0) {
                flushRemovals(); // a batch of documents waits: one write, before the next batch
            }
        }
    }

    /** Appends the events not yet known (a later save of the same document repeats the earlier ones). */
    private static void merge(List<PendingEvent> known, List<PendingEvent> more) {
        Set<String> ids = new LinkedHashSet<>();
        known.forEach(event -> ids.add(event.eventId()));
        more.stream().filter(event -> ids.add(event.eventId())).forEach(known::add);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outboxOf(Document doc) {
        Object outbox = doc.get(AggregateRoot.OUTBOX_FIELD);
        return outbox instanceof List<?> list ? (List<Document>) list : List.of();
    }

    /**
     * Sends the pending events of all the documents without waiting in between (the producer keeps
     * the order of each key's events), then waits for the acknowledgements and schedules the removal
     * from each document of the events acknowledged before its first failure. An event acknowledged
     * before is not sent again, only removed. Returns the documents with events left unsent.
     */
    private List<Outbox> publishAll(String collection, List<Outbox> docs) {
        List<List<CompletableFuture<?>>> acks = new ArrayList<>();
        List<List<PendingEvent>> events = new ArrayList<>();
        for (Outbox doc : docs) {
            List<CompletableFuture<?>> docAcks = new ArrayList<>();
            List<PendingEvent> docEvents = new ArrayList<>();
            for (PendingEvent event : doc.events()) {
                if (acknowledged.containsKey(event.eventId())) {
                    scheduleRemoval(collection, doc.id(), List.of(event.eventId()));
                    continue;
                }
                CompletableFuture<?> ack;
                try {
                    ack = kafka.send(CloudEventRecords.toRecord(event, source));
                } catch (RuntimeException e) {
                    ack = CompletableFuture.failedFuture(e);
                }
                docAcks.add(ack);
                docEvents.add(event);
            }
            acks.add(docAcks);
            events.add(docEvents);
        }
        List<Outbox> unsent = new ArrayList<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int d = 0; d < docs.size(); d++) {
            List<String> sent = new ArrayList<>();
            for (int e = 0; e < acks.get(d).size(); e++) {
                if (!acknowledged(acks.get(d).get(e), deadline, collection)) {
                    break;
                }
                PendingEvent event = events.get(d).get(e);
                sent.add(event.eventId());
                acknowledged.put(event.eventId(), Boolean.TRUE);
                publishedByType
                        .computeIfAbsent(
                                event.type(),
                                type -> Counter.builder("clinic.events.published")
                                        .description("Events published by the outbox relay")
                                        .tag("type", type)
                                        .register(meters))
                        .increment();
            }
            if (sent.size() < acks.get(d).size()) {
                unsent.add(docs.get(d));
            }
            if (!sent.isEmpty()) {
                scheduleRemoval(collection, docs.get(d).id(), sent);
            }
        }
        return unsent;
    }

    /** Remembers that the events are to be removed from the document with the next group. */
    private void scheduleRemoval(String collection, Object id, List<String> eventIds) {
        if (removals.isEmpty()) {
            removalsSince = System.nanoTime();
        }
        removals.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(id, i -> new LinkedHashSet<>())
                .addAll(eventIds);
    }

    /** Nanoseconds until the waiting removals are due; 0 when they are, max when none wait. */
    private long nanosUntilRemovalsDue() {
        if (removals.isEmpty()) {
            return Long.MAX_VALUE;
        }
        int documents = removals.values().stream().mapToInt(Map::size).sum();
        return documents >= batchSize ? 0 : Math.max(0, removalsSince + removalDelayNanos - System.nanoTime());
    }

    /**
     * Writes the waiting removals: one bulk write per collection, each document's acknowledged
     * events pulled from its outbox. What a failed write left stays waiting for the next attempt.
     */
    private synchronized void flushRemovals() {
        for (var it = removals.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Map<Object, Set<String>>> entry = it.next();
            List<WriteModel<Document>> pulls = new ArrayList<>();
            entry.getValue()
                    .forEach((id, eventIds) -> pulls.add(new UpdateOneModel<>(
                            new Document("_id", id),
                            new Document(
                                    "$pull",
                                    new Document(
                                            AggregateRoot.OUTBOX_FIELD,
                                            new Document("eventId", new Document("$in", List.copyOf(eventIds))))))));
            mongo.getCollection(entry.getKey()).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
            it.remove();
        }
    }

    private boolean acknowledged(CompletableFuture<?> ack, long deadline, String collection) {
        try {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("outbox relay could not publish from {}: {}", collection, e.toString());
            return false;
        }
    }

    private static PendingEvent toPendingEvent(Document entry) {
        Object occurred = entry.get("occurredAt");
        return new PendingEvent(
                entry.getString("eventId"),
                entry.getString("type"),
                entry.getString("topic"),
                entry.getString("key"),
                entry.getString("body"),
                occurred instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(occurred)));
    }

    private void loop() {
        while (running) {
            try {
                if (sweepDue || System.nanoTime() - nextSweep >= 0) {
                    drainAll();
                } else {
                    drainDirty();
                }
                long removalsDue = removalsDue();
                if (retryDue) {
                    // the broker refused: pause, then try the same documents again
                    retryDue = false;
                    Thread.sleep(Math.min(RETRY_PAUSE.toMillis(), TimeUnit.NANOSECONDS.toMillis(removalsDue)));
                } else if (removalsDue > 0) {
                    signal.tryAcquire(Math.min(sweepInterval.toNanos(), removalsDue), TimeUnit.NANOSECONDS);
                }
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

    /** Writes the removals that are due; answers the nanoseconds until the next are. */
    private synchronized long removalsDue() {
        if (nanosUntilRemovalsDue() == 0) {
            flushRemovals();
        }
        return nanosUntilRemovalsDue();
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
        try {
            flushRemovals();
        } catch (RuntimeException e) {
            // the sweep at the next start finds these documents and removes (or sends) their events
            log.warn("outbox relay could not remove published events at stop: {}", e.toString());
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

    /** A document to publish from; {@code events} null when they must be read from it. */
    private record DocumentRef(
            String collection, Object id, @Nullable List<PendingEvent> events) {}

    /** The pending events of one document, oldest first. */
    private record Outbox(Object id, List<PendingEvent> events) {

        static Outbox of(Document doc) {
            return new Outbox(
                    doc.get("_id"),
                    outboxOf(doc).stream().map(OutboxRelay::toPendingEvent).toList());
        }
    }
}
