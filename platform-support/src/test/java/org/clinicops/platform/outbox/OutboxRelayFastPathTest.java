package org.clinicops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.test.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The fast path publishes what a save handed over without reading it, and falls back to the store;
 * removals of published events are written in groups.
 */
class OutboxRelayFastPathTest {

    private static final String COLLECTION = "tickets";
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00.123456789Z");

    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(InMemoryMongo.freshDatabaseUri("outbox")))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.computeIfAbsent(event.getCommandName(), c -> new AtomicInteger())
                            .incrementAndGet();
                }
            })
            .build());
    private final MongoTemplate mongo = new MongoTemplate(client, "outbox_fast_path");
    private final List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean brokerDown = new AtomicBoolean();

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

    private OutboxRelay relay = relay(Duration.ofMillis(200));

    OutboxRelayFastPathTest() {
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            if (brokerDown.get()) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
            }
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
    }

    @AfterEach
    void stop() {
        relay.stop();
        client.close();
    }

    @Test
    void publishesTheEventsASaveHandedOverWithoutReadingTheDocument() {
        startAfterItsSweep();
        PendingEvent event = event("req_1", "evt_1");
        store("t1", event);
        int finds = count("find");
        int updates = count("update");

        relay.wakeUp(COLLECTION, "t1", List.of(event));

        await().until(() -> count("update") > updates); // the acknowledged event removed
        assertThat(count("find")).as("finds by the fast path").isEqualTo(finds);
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("p_req_1");
        // ce_time as the sweep would read it back from the store: to the millisecond
        assertThat(new String(sent.get(0).headers().lastHeader("ce_time").value()))
                .isEqualTo("2026-11-24T10:00:00.123Z");
        assertThat(outboxOf("t1")).isEmpty();
    }

    @Test
    void aLaterSaveRepeatingAnEarlierEventSendsEachEventOnceInOrder() {
        PendingEvent first = event("req_2", "evt_2a");
        PendingEvent second = event("req_2", "evt_2b");
        store("t2", first, second);

        relay.wakeUp(COLLECTION, "t2", List.of(first));
        relay.wakeUp(COLLECTION, "t2", List.of(first, second));
        relay.start();

        await().untilAsserted(() -> assertThat(outboxOf("t2")).isEmpty());
        assertThat(sentIds()).containsExactly("evt_2a", "evt_2b");
    }

    @Test
    void whatTheBrokerRefusedIsReadBackFromTheStoreAndPublishedLater() {
        startAfterItsSweep();
        brokerDown.set(true);
        PendingEvent event = event("req_3", "evt_3");
        store("t3", event);

        relay.wakeUp(COLLECTION, "t3", List.of(event));
        await().until(() -> count("find") >= 2); // retried from the stored outbox
        assertThat(outboxOf("t3")).hasSize(1);
        brokerDown.set(false);

        await().untilAsserted(() -> assertThat(outboxOf("t3")).isEmpty());
        assertThat(sent).extracting(ProducerRecord::key).contains("p_req_3");
    }

    @Test
    void theRemovalsOfDocumentsPublishedOneAfterAnotherShareOneWrite() {
        relay = relay(Duration.ofHours(1));
        startAfterItsSweep();
        for (int i = 1; i <= 3; i++) {
            PendingEvent event = event("req_g" + i, "evt_g" + i);
            save("g" + i, event);
            int published = i;
            await().until(() -> sent.size() == published);
        }
        assertThat(count("update")).as("removals written while the delay runs").isZero();
        assertThat(outboxOf("g1")).as("published, its removal waiting").hasSize(1);

        relay.stop(); // writes the waiting removals

        assertThat(count("update")).as("one write for the three documents").isEqualTo(1);
        assertThat(List.of(outboxOf("g1"), outboxOf("g2"), outboxOf("g3")))
                .allSatisfy(outbox -> assertThat(outbox).isEmpty());
    }

    @Test
    void aBatchOfDocumentsAwaitingRemovalIsWrittenWithoutWaitingForTheDelay() {
        relay = relay(Duration.ofHours(1), 2);
        startAfterItsSweep();
        for (int i = 1; i <= 2; i++) {
            PendingEvent event = event("req_b" + i, "evt_b" + i);
            save("b" + i, event);
        }

        // two documents are a batch: their removals are written long before the hour's delay
        await().untilAsserted(() -> assertThat(List.of(outboxOf("b1"), outboxOf("b2")))
                .allSatisfy(outbox -> assertThat(outbox).isEmpty()));
        assertThat(count("update")).isEqualTo(1);
    }

    @Test
    void aSaveThatWritesBackAnEventAwaitingItsRemovalDoesNotSendItAgain() {
        relay = relay(Duration.ofHours(1));
        startAfterItsSweep();
        PendingEvent first = event("req_w", "evt_w1");
        save("w", first);
        await().until(() -> sent.size() == 1);

        // a save of the document as it was read before the removal: the first event is still there
        PendingEvent second = event("req_w", "evt_w2");
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", "w"));
        save("w", first, second);
        await().until(() -> sent.size() == 2);
        relay.drainAll(); // the sweep meets the first event too: it only removes it

        assertThat(sentIds()).containsExactly("evt_w1", "evt_w2");
        assertThat(outboxOf("w")).isEmpty();
    }

    /** Starts the relay and waits for its sweep at start, so that what follows reaches the fast path. */
    private void startAfterItsSweep() {
        relay.start();
        await().until(() -> commands.containsKey("find"));
    }

    /** What a save does: stores the document with these pending events and hands them to the relay. */
    private void save(String id, PendingEvent... events) {
        store(id, events);
        relay.wakeUp(COLLECTION, id, List.of(events));
    }

    /** The {@code ce_id}s sent, in order. */
    private List<String> sentIds() {
        return sent.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value()))
                .toList();
    }

    private OutboxRelay relay(Duration removalDelay) {
        return relay(removalDelay, 100);
    }

    private OutboxRelay relay(Duration removalDelay, int batchSize) {
        return new OutboxRelay(
                mongo,
                kafka,
                java.util.Set.of(COLLECTION),
                "intake-service",
                new SimpleMeterRegistry(),
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                batchSize,
                removalDelay);
    }

    private int count(String command) {
        AtomicInteger n = commands.get(command);
        return n == null ? 0 : n.get();
    }

    private void store(String id, PendingEvent... events) {
        List<Document> outbox = java.util.Arrays.stream(events)
                .map(e -> new Document("eventId", e.eventId())
                        .append("type", e.type())
                        .append("topic", e.topic())
                        .append("key", e.key())
                        .append("body", e.body())
                        .append("occurredAt", java.util.Date.from(e.occurredAt())))
                .toList();
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", id).append(AggregateRoot.OUTBOX_FIELD, outbox));
    }

    private List<Document> outboxOf(String id) {
        Document doc =
                mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        return doc == null ? List.of() : doc.getList(AggregateRoot.OUTBOX_FIELD, Document.class, List.of());
    }

    private static PendingEvent event(String requestId, String eventId) {
        return PendingEvent.of(
                new ConsultationRequested(
                        requestId,
                        "p_" + requestId,
                        "bos",
                        Condition.PTSD,
                        ReferralSource.THERAPIST,
                        PayerType.SELF_PAY,
                        false,
                        AT),
                eventId,
                AT);
    }
}
