package org.clinicops.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.clinicops.platform.audit.GroupCommit.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit against a store the test holds: grouping, each caller's own outcome, the wait bound. */
class GroupCommitTest {

    private final GatedStore store = new GatedStore();
    private final List<Integer> groupSizes = new CopyOnWriteArrayList<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        while (store.release()) {
            // let any write still held finish
        }
        callers.shutdownNow();
    }

    @Test
    void theFirstAppendOfAnIdleTrailWritesAtOnceAlone() {
        GroupCommit<String> commit = commit(8, Duration.ofMinutes(1));

        append(commit, "a1");

        await().until(() -> store.inFlight().equals(List.of("a1")));
        assertThat(commit.queued()).isZero();
        store.release();
        await().until(() -> outcomes.get("a1") == Outcome.STORED);
        assertThat(groupSizes).containsExactly(1);
    }

    @Test
    void appendsArrivingDuringAWriteShareTheNextInsert() {
        GroupCommit<String> commit = commit(64, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        for (int i = 0; i < 10; i++) {
            append(commit, "e" + i);
        }
        await().until(() -> commit.queued() == 10);

        store.release();
        await().until(() -> store.inFlight().size() == 10);
        store.release();

        await().until(() -> outcomes.size() == 11);
        assertThat(store.writes).hasSize(2);
        assertThat(outcomes.values()).containsOnly(Outcome.STORED);
        assertThat(store.stored).hasSize(11).doesNotHaveDuplicates();
        assertThat(groupSizes).containsExactly(1, 10);
    }

    @Test
    void aGroupIsNeverLargerThanTheBound() {
        GroupCommit<String> commit = commit(4, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        for (int i = 0; i < 10; i++) {
            append(commit, "e" + i);
        }
        await().until(() -> commit.queued() == 10);

        while (outcomes.size() < 11) {
            await().until(() -> !store.inFlight().isEmpty() || outcomes.size() == 11);
            store.release();
        }

        assertThat(groupSizes).containsExactly(1, 4, 4, 2);
        assertThat(store.writes).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(4));
        assertThat(outcomes.values()).containsOnly(Outcome.STORED);
    }

    @Test
    void anEntryTheStoreRefusesFailsItsOwnCallerOnly() {
        GroupCommit<String> commit = commit(64, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        List.of("ok1", "bad", "ok2").forEach(entry -> append(commit, entry));
        await().until(() -> commit.queued() == 3);
        store.release();
        await().until(() -> store.inFlight().size() == 3);

        store.release("bad"::equals);

        await().until(() -> outcomes.size() == 4);
        assertThat(outcomes)
                .containsEntry("ok1", Outcome.STORED)
                .containsEntry("ok2", Outcome.STORED)
                .containsEntry("bad", Outcome.NOT_STORED);
        assertThat(store.stored).containsExactlyInAnyOrder("lead", "ok1", "ok2");
    }

    @Test
    void aWriteThatThrowsFailsEveryCallerOfItsGroupAndTheTrailGoesOn() {
        GroupCommit<String> commit = commit(64, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        List.of("x1", "x2").forEach(entry -> append(commit, entry));
        await().until(() -> commit.queued() == 2);
        store.release();
        await().until(() -> store.inFlight().size() == 2);

        store.releaseThrowing("x1"::equals); // x1 landed, but the acknowledgement was lost

        await().until(() -> outcomes.size() == 3);
        assertThat(outcomes).containsEntry("x1", Outcome.NOT_STORED).containsEntry("x2", Outcome.NOT_STORED);
        append(commit, "after");
        await().until(() -> store.inFlight().equals(List.of("after")));
        store.release();
        await().until(() -> outcomes.get("after") == Outcome.STORED);
    }

    @Test
    void aFollowerStillQueuedWhenItsWaitEndsIsWithdrawnAndNeverWritten() {
        GroupCommit<String> commit = commit(64, Duration.ofMillis(200));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());

        append(commit, "late");

        await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.get("late") == Outcome.NO_ACKNOWLEDGEMENT);
        assertThat(commit.queued()).isZero();
        store.release();
        await().until(() -> outcomes.get("lead") == Outcome.STORED);
        append(commit, "next");
        await().until(() -> store.inFlight().equals(List.of("next")));
        store.release();
        await().until(() -> outcomes.get("next") == Outcome.STORED);
        assertThat(store.stored).containsExactly("lead", "next");
    }

    @Test
    void aFollowerGivingUpWhileItsGroupIsInFlightIsNotToldStored() {
        // an interrupt ends the wait by the same path as the time running out, at a moment the test
        // chooses
        GroupCommit<String> commit = commit(64, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        append(commit, "leader2");
        await().until(() -> commit.queued() == 1);
        Thread follower = new Thread(() -> outcomes.put("follower", commit.append("follower")));
        follower.start();
        await().until(() -> commit.queued() == 2);
        store.release();
        await().until(() -> store.inFlight().size() == 2);

        follower.interrupt();

        await().until(() -> outcomes.get("follower") == Outcome.NO_ACKNOWLEDGEMENT);
        store.release();
        await().until(() -> outcomes.get("leader2") == Outcome.STORED);
        assertThat(outcomes).containsEntry("follower", Outcome.NO_ACKNOWLEDGEMENT);
        assertThat(store.stored).contains("follower"); // landed after its caller gave up: harmless
    }

    @Test
    void anInterruptedFollowerStillQueuedIsWithdrawn() {
        GroupCommit<String> commit = commit(64, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        Thread follower = new Thread(() -> outcomes.put("gone", commit.append("gone")));
        follower.start();
        await().until(() -> commit.queued() == 1);

        follower.interrupt();

        await().until(() -> outcomes.get("gone") == Outcome.NO_ACKNOWLEDGEMENT);
        assertThat(commit.queued()).isZero();
        store.release();
        await().until(() -> outcomes.get("lead") == Outcome.STORED);
        assertThat(store.writes).containsExactly(List.of("lead"));
    }

    @Test
    void manyCallersAtOnceNeedFewerInsertsThanEntries() throws Exception {
        GroupCommit<String> commit = commit(64, Duration.ofMinutes(1));
        append(commit, "lead");
        await().until(() -> !store.inFlight().isEmpty());
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String entry = "c" + i;
            all.add(CompletableFuture.supplyAsync(() -> commit.append(entry), callers));
        }
        await().until(() -> commit.queued() == 50);
        store.release();
        await().until(() -> store.inFlight().size() == 50);
        store.release();

        for (CompletableFuture<Outcome> outcome : all) {
            assertThat(outcome.get()).isEqualTo(Outcome.STORED);
        }
        assertThat(store.writes).hasSize(2);
    }

    private GroupCommit<String> commit(int maxGroup, Duration maxWait) {
        return new GroupCommit<>(store, maxGroup, maxWait, groupSizes::add);
    }

    private void append(GroupCommit<String> commit, String entry) {
        callers.execute(() -> outcomes.put(entry, commit.append(entry)));
    }
}
