package org.clinicops.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.platform.audit.GroupCommit.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Many threads appending at once to a store that takes its time and refuses some entries: every
 * entry is answered, none is stored twice, each caller is told exactly its own entry's fate, and no
 * caller is told stored before the store holds its entry.
 */
class GroupCommitConcurrencyTest {

    private static final int THREADS = 24;
    private static final int APPENDS_PER_THREAD = 150;

    /** Stores every entry but those ending in 7, slowly enough for groups to form. */
    private static final class SlowStore implements GroupCommit.Store<String> {
        final Set<String> stored = ConcurrentHashMap.newKeySet();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger concurrentWrites = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        @Override
        public BitSet write(List<String> group) {
            writes.incrementAndGet();
            if (concurrentWrites.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.yield(); // a round trip's worth of letting others arrive
                BitSet written = new BitSet();
                for (int i = 0; i < group.size(); i++) {
                    if (!group.get(i).endsWith("7")) {
                        if (!stored.add(group.get(i))) {
                            duplicates.incrementAndGet();
                        }
                        written.set(i);
                    }
                }
                return written;
            } finally {
                concurrentWrites.decrementAndGet();
            }
        }
    }

    @Test
    void noEntryIsLostDuplicatedOrAcknowledgedBeforeItIsStored() throws Exception {
        SlowStore store = new SlowStore();
        List<Integer> groupSizes = new CopyOnWriteArrayList<>();
        GroupCommit<String> commit = new GroupCommit<>(store, 16, Duration.ofMinutes(1), groupSizes::add);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger ackedBeforeStored = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    String entry = "t" + thread + "-" + i;
                    Outcome outcome = commit.append(entry);
                    if (outcome == Outcome.STORED && !store.stored.contains(entry)) {
                        ackedBeforeStored.incrementAndGet();
                    }
                    outcomes.put(entry, outcome);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join(120_000);
        }

        int entries = THREADS * APPENDS_PER_THREAD;
        assertThat(outcomes).hasSize(entries);
        assertThat(ackedBeforeStored).hasValue(0);
        assertThat(store.duplicates).hasValue(0);
        assertThat(store.overlaps).as("writes in flight at once").hasValue(0);
        outcomes.forEach((entry, outcome) ->
                assertThat(outcome).as(entry).isEqualTo(entry.endsWith("7") ? Outcome.NOT_STORED : Outcome.STORED));
        assertThat(store.stored).hasSize((int)
                outcomes.values().stream().filter(Outcome.STORED::equals).count());
        assertThat(groupSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(entries);
        assertThat(groupSizes).allSatisfy(size -> assertThat(size).isBetween(1, 16));
        assertThat(store.writes.get()).as("insert commands").isLessThan(entries);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
