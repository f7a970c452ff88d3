package org.clinicops.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.EventType;
import org.clinicops.platform.change.ConcurrentChanges;
import org.clinicops.platform.inbox.EventInbox.Outcome;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.test.InMemoryMongo;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The inbox kept in the document ({@link EventInbox#processInDocument}, {@link
 * AggregateRoot#applyOnce}, {@link ReadModelInbox}) keeps {@link EventInbox}'s guarantee: random
 * sequences of first deliveries, redeliveries, crashes before and after the save and deliveries
 * racing each other leave every event applied exactly once to the stored document after each step
 * once it was stored, and never more than once.
 */
class DocumentInboxPropertyTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private static final String HANDLER = "consultation-scheduled";
    private static final MongoClient CLIENT = MongoClients.create(InMemoryMongo.freshDatabaseUri("doc_inbox"));
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "doc_inbox");
    private static final AtomicInteger DOCUMENTS = new AtomicInteger();

    @AfterContainer
    static void closeClient() {
        CLIENT.close();
    }

    /** One step of the consumer: a delivery of event {@code event} and what happens to it. */
    enum Kind {
        /** Delivered and applied to the end. */
        DELIVER,
        /** The consumer crashes after changing the document in memory, before saving it. */
        CRASH_BEFORE_SAVE,
        /** The consumer crashes after the save, before the offset is committed: it is redelivered. */
        CRASH_AFTER_SAVE,
        /** Another consumer delivers the same event between this one's read and its save. */
        RACE_SAME_EVENT,
        /** Another consumer applies another event between this one's read and its save. */
        RACE_OTHER_EVENT
    }

    record Step(Kind kind, int event, int other) {}

    /** A crash of the consumer process, as the tests inject it. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("crash", null, false, false);
        }
    }

    /** A test aggregate: how many times each event was applied to it. */
    @Document("tallies")
    static class Tally extends AggregateRoot {
        @Id
        String id;

        @Version
        @Nullable
        Long version;

        Map<String, Integer> applied = new HashMap<>();

        Tally(String id) {
            this.id = id;
        }

        void count(String eventId) {
            applied.merge(eventId, 1, Integer::sum);
        }
    }

    @Property(tries = 150)
    void everyEventIsAppliedOnceAfterEveryStep(@ForAll("steps") List<Step> steps) {
        String id = "tally_" + DOCUMENTS.incrementAndGet();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventInbox inbox = new EventInbox(MONGO, meters, Clock.fixed(T, ZoneOffset.UTC));
        Set<String> stored = new HashSet<>();
        int deliveries = 0;
        int failures = 0;
        for (Step step : steps) {
            String eventId = "evt_" + step.event();
            Runnable beforeSave = () -> {};
            switch (step.kind()) {
                case CRASH_BEFORE_SAVE ->
                    beforeSave = () -> {
                        throw new Crash();
                    };
                case RACE_SAME_EVENT -> beforeSave = once(() -> deliver(inbox, id, eventId, () -> {}, false));
                case RACE_OTHER_EVENT -> {
                    String other = "evt_" + step.other();
                    beforeSave = once(() -> deliver(inbox, id, other, () -> {}, false));
                    stored.add(other);
                }
                default -> {}
            }
            deliveries += step.kind() == Kind.RACE_SAME_EVENT || step.kind() == Kind.RACE_OTHER_EVENT ? 2 : 1;
            try {
                deliver(inbox, id, eventId, beforeSave, step.kind() == Kind.CRASH_AFTER_SAVE);
            } catch (Crash crash) {
                failures++;
            }
            if (step.kind() != Kind.CRASH_BEFORE_SAVE) {
                stored.add(eventId);
            }

            Tally tally = MONGO.findById(id, Tally.class);
            Map<String, Integer> applied = tally == null ? Map.of() : tally.applied;
            assertThat(applied.keySet()).as("events applied after %s", step).isEqualTo(stored);
            assertThat(applied.values()).as("times each was applied").allMatch(times -> times == 1);
            assertThat(
                            tally == null
                                    ? List.of()
                                    : tally.appliedEvents().stream()
                                            .map(AppliedEvent::eventId)
                                            .toList())
                    .as("the inbox holds each applied event once")
                    .containsExactlyInAnyOrderElementsOf(stored);
        }
        double outcomes = meters.find("clinic.events.consumed").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        assertThat(outcomes).as("every delivery is counted once").isEqualTo(deliveries);
        assertThat(count(meters, "applied"))
                .as("applied at most once per event")
                .isLessThanOrEqualTo(stored.size());
        assertThat(count(meters, "failed")).isEqualTo(failures);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 7))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 100)
    void aReadModelUpdateIsMadeOnceWithItsEntry(@ForAll("readModelSteps") List<Integer> events) {
        String id = "rm_" + DOCUMENTS.incrementAndGet();
        Set<String> seen = new HashSet<>();
        for (int event : events) {
            String eventId = "evt_" + event;
            boolean applied = ReadModelInbox.upsertOnce(
                    MONGO,
                    "read_models",
                    id,
                    new Update().inc("applied", 1).addToSet("events", eventId),
                    new AppliedEvent(HANDLER + "/" + eventId, "t", T));
            assertThat(applied).as("new: %s", eventId).isEqualTo(seen.add(eventId));
            org.bson.Document doc = MONGO.findById(id, org.bson.Document.class, "read_models");
            assertThat(doc.getInteger("applied")).isEqualTo(seen.size());
        }
    }

    @Provide
    Arbitrary<List<Integer>> readModelSteps() {
        return Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(25);
    }

    @net.jqwik.api.Example
    void forgetsTheOldestEntryOfAHandlerBeyondTheBoundAndKeepsTheOtherHandlers() {
        Tally tally = new Tally("bound");
        tally.applyOnce(new AppliedEvent("other/evt_x", "t", T), () -> tally.count("evt_x"));
        for (int i = 0; i <= AggregateRoot.INBOX_KEPT_PER_HANDLER; i++) {
            String eventId = "evt_" + i;
            assertThat(tally.applyOnce(entry(eventId), () -> tally.count(eventId)))
                    .isTrue();
        }
        assertThat(tally.hasApplied(entry("evt_0").key())).isFalse();
        assertThat(tally.hasApplied(entry("evt_1").key())).isTrue();
        assertThat(tally.hasApplied("other/evt_x")).isTrue();
        assertThat(tally.appliedEvents()).hasSize(AggregateRoot.INBOX_KEPT_PER_HANDLER + 1);
    }

    @net.jqwik.api.Example
    void aChangeThatThrowsRecordsNothing() {
        Tally tally = new Tally("throws");
        assertThatThrownBy(() -> tally.applyOnce(entry("evt_1"), () -> {
                    throw new IllegalStateException("refused");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tally.appliedEvents()).isEmpty();
    }

    /** A delivery as a service's handler makes it: read, apply once, save with the version, retry a lost race. */
    private static Outcome deliver(
            EventInbox inbox, String id, String eventId, Runnable beforeSave, boolean crashAfterSave) {
        return inbox.applyInDocument(event(eventId), HANDLER, (payload, entry) -> {
            boolean applied = ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the tally", () -> {
                Tally tally = MONGO.findById(id, Tally.class);
                Tally changed = tally == null ? new Tally(id) : tally;
                boolean isNew = changed.applyOnce(entry, () -> changed.count(eventId));
                beforeSave.run();
                if (isNew) {
                    MONGO.save(changed);
                }
                return isNew;
            });
            if (crashAfterSave) {
                throw new Crash();
            }
            return applied;
        });
    }

    /** Runs the action the first time only (the retried attempt does not race again). */
    private static Runnable once(Runnable action) {
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
            }
        };
    }

    private static InboundEvent<ConsultationScheduled> event(String eventId) {
        return new InboundEvent<>(
                eventId,
                EventType.of(ConsultationScheduled.class),
                EventType.of(ConsultationScheduled.class).source(),
                T,
                new ConsultationScheduled("apt_1", "req_1", "p_1", "site_1", "clin_1", false, T, T, T, T));
    }

    private static AppliedEvent entry(String eventId) {
        return new AppliedEvent(HANDLER + "/" + eventId, "clinic.consultation-scheduled.v1", T);
    }

    private static double count(SimpleMeterRegistry meters, String outcome) {
        return meters.find("clinic.events.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
