package org.clinicops.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.clinicops.platform.audit.GroupCommit.Outcome;

/**
 * For any interleaving of arrivals, acknowledgements, refusals, lost connections and callers giving
 * up, checked each time the trail has settled after a step: every entry acknowledged is stored,
 * nothing is stored twice nor acknowledged twice, a caller told its entry was refused or not
 * acknowledged is never also told stored, someone leads whenever entries are queued, and no group
 * exceeds its bound. At the end every caller has been answered.
 */
class GroupCommitPropertyTest {

    private static final int MAX_GROUP = 3;
    private static final Duration SETTLE = Duration.ofSeconds(20);

    sealed interface Step permits Arrive, Acknowledge, LoseConnection, GiveUp {}

    /** A new caller appends its entry. */
    record Arrive() implements Step {}

    /** The write in flight is acknowledged; entries at the flagged positions are refused. */
    record Acknowledge(List<Boolean> refused) implements Step {}

    /** The write in flight throws; entries at the flagged positions had landed anyway. */
    record LoseConnection(List<Boolean> landed) implements Step {}

    /** A caller not yet answered stops waiting (by interrupt, the path its wait running out takes). */
    record GiveUp(int pick) implements Step {}

    @Property(tries = 60)
    void acknowledgedEntriesAreStoredOnceAndFailedOnesNeverReportedStored(
            @ForAll("steps") @Size(min = 1, max = 30) List<Step> steps) throws InterruptedException {
        GatedStore store = new GatedStore();
        GroupCommit<String> commit = new GroupCommit<>(store, MAX_GROUP, Duration.ofHours(1), size -> {});
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<String, Thread> callers = new ConcurrentHashMap<>();
        List<String> started = new ArrayList<>();
        try {
            for (Step step : steps) {
                if (step instanceof Arrive) {
                    String entry = "e" + started.size();
                    started.add(entry);
                    Thread caller = new Thread(() -> {
                        Outcome outcome = commit.append(entry);
                        if (outcome == Outcome.STORED) {
                            acknowledged.add(entry);
                        }
                        outcomes.put(entry, outcome);
                    });
                    callers.put(entry, caller);
                    caller.start();
                } else if (step instanceof Acknowledge acknowledge) {
                    List<String> group = store.inFlight();
                    store.release(entry -> flagged(acknowledge.refused(), group.indexOf(entry)));
                } else if (step instanceof LoseConnection lost) {
                    List<String> group = store.inFlight();
                    store.releaseThrowing(entry -> flagged(lost.landed(), group.indexOf(entry)));
                } else if (step instanceof GiveUp giveUp) {
                    List<String> waiting = started.stream()
                            .filter(entry -> !outcomes.containsKey(entry))
                            .toList();
                    if (!waiting.isEmpty()) {
                        callers.get(waiting.get(giveUp.pick() % waiting.size())).interrupt();
                    }
                }
                settle(commit, store, outcomes, started.size());
                check(store, outcomes, acknowledged);
            }
            while (outcomes.size() < started.size()) {
                await().atMost(SETTLE)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> !store.inFlight().isEmpty() || outcomes.size() == started.size());
                store.release();
                settle(commit, store, outcomes, started.size());
                check(store, outcomes, acknowledged);
            }
            assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(started);
            Set<String> storedNotAcknowledged = new HashSet<>(store.stored);
            storedNotAcknowledged.removeAll(acknowledged);
            assertThat(storedNotAcknowledged)
                    .as("stored yet not acknowledged: only entries whose caller was not told stored")
                    .allSatisfy(entry -> assertThat(outcomes.get(entry)).isNotEqualTo(Outcome.STORED));
            assertThat(commit.queued()).isZero();
        } finally {
            while (store.release()) {
                // nothing left held
            }
            for (Thread caller : callers.values()) {
                caller.join(SETTLE.toMillis());
            }
        }
    }

    /**
     * Waits until every caller is answered, queued, or in the write in flight, and someone leads
     * while anything is queued.
     */
    private static void settle(
            GroupCommit<String> commit, GatedStore store, Map<String, Outcome> outcomes, int started) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(1)).until(() -> {
            List<String> inFlight = store.inFlight();
            int queued = commit.queued();
            boolean led = queued == 0 || !inFlight.isEmpty();
            // a caller that gave up while its group is in flight is answered and still in the write
            long inFlightUnanswered = inFlight.stream()
                    .filter(entry -> !outcomes.containsKey(entry))
                    .count();
            return led && outcomes.size() + queued + inFlightUnanswered == started;
        });
    }

    private static void check(GatedStore store, Map<String, Outcome> outcomes, List<String> acknowledged) {
        assertThat(store.stored).as("stored").doesNotHaveDuplicates();
        assertThat(acknowledged).as("acknowledged").doesNotHaveDuplicates();
        assertThat(store.stored).as("acknowledged ⊆ stored").containsAll(acknowledged);
        Set<String> failed = outcomes.entrySet().stream()
                .filter(outcome -> outcome.getValue() != Outcome.STORED)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(acknowledged).as("failed callers reported stored").noneMatch(failed::contains);
        assertThat(store.writes).allSatisfy(group -> assertThat(group).hasSizeBetween(1, MAX_GROUP));
        List<String> written = store.writes.stream().flatMap(List::stream).toList();
        assertThat(written).as("no entry is written twice").doesNotHaveDuplicates();
    }

    private static boolean flagged(List<Boolean> flags, int position) {
        return position >= 0 && !flags.isEmpty() && flags.get(position % flags.size());
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<List<Boolean>> flags =
                Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(MAX_GROUP);
        Arbitrary<Step> arrive = Arbitraries.just(new Arrive());
        Arbitrary<Step> acknowledge = flags.map(refused -> new Acknowledge(refused));
        Arbitrary<Step> loseConnection = flags.map(landed -> new LoseConnection(landed));
        Arbitrary<Step> giveUp = Arbitraries.integers().between(0, 100).map(pick -> new GiveUp(pick));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(5, arrive), Tuple.of(4, acknowledge), Tuple.of(1, loseConnection), Tuple.of(2, giveUp));
        return step.list();
    }
}
