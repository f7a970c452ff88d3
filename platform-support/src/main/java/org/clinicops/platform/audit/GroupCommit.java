package org.clinicops.platform.audit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Group commit, leader and followers: concurrent appends share one write, and each caller is answered
 * only once the store has acknowledged its own entry.
 *
 * <p>The first append of an idle trail leads: it writes its entry at once, alone. Appends arriving
 * while a write is in flight queue up; when the write is acknowledged its leader answers its group
 * and names the oldest queued caller leader of the next group, which takes up to {@code maxGroup}
 * queued entries (its own first) into one write. So nobody waits for a batch window, a caller waits
 * at most for the write in flight and its own group's, and a group is never larger than {@code
 * maxGroup}.
 *
 * <p>An entry is reported stored only when the store said it was written; a group that throws has
 * written nothing as far as its callers know. A follower waits at most {@code maxWait}: one still
 * queued then is withdrawn (its entry is never written), one whose group is in flight is answered
 * {@link Outcome#NO_ACKNOWLEDGEMENT} (its entry may still land, never reported stored). An
 * interrupted follower is answered the same way. The leader waits for its own write as long as the
 * store's driver lets it (its timeouts bound it), as a single write did before groups.
 *
 * <p>No clock is read: waiting is {@link Condition#awaitNanos}.
 */
final class GroupCommit<E> {

    /** Writes one group of entries with one command. */
    interface Store<E> {

        /**
         * Writes the group and answers the positions of the entries the store acknowledged as
         * written. A position not answered counts as not written; so does every position when it
         * throws.
         */
        BitSet write(List<E> group);
    }

    /** What one append's caller is told. */
    enum Outcome {
        /** The store acknowledged the entry. */
        STORED,
        /** The store did not write it. */
        NOT_STORED,
        /** No acknowledgement came within the wait (or the caller was interrupted). */
        NO_ACKNOWLEDGEMENT
    }

    private enum State {
        QUEUED,
        LEADING,
        IN_FLIGHT,
        STORED,
        NOT_STORED
    }

    private static final class Pending<E> {
        final E entry;
        final Condition settled;
        State state;

        Pending(E entry, Condition settled, State state) {
            this.entry = entry;
            this.settled = settled;
            this.state = state;
        }
    }

    private final Store<E> store;
    private final int maxGroup;
    private final long maxWaitNanos;
    private final IntConsumer groupSizes;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending<E>> queue = new ArrayDeque<>();
    /** Whether a leader is writing or has been named; guarded by {@link #lock}. */
    private boolean led;

    GroupCommit(Store<E> store, int maxGroup, Duration maxWait, IntConsumer groupSizes) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.store = store;
        this.maxGroup = maxGroup;
        this.maxWaitNanos = maxWait.toNanos();
        this.groupSizes = groupSizes;
    }

    /** Appends the entry and answers once its group is acknowledged, failed, or the wait is over. */
    Outcome append(E entry) {
        Pending<E> me;
        lock.lock();
        try {
            if (!led) {
                led = true;
                me = new Pending<>(entry, lock.newCondition(), State.LEADING);
            } else {
                me = new Pending<>(entry, lock.newCondition(), State.QUEUED);
                queue.add(me);
                Outcome answered = awaitTurn(me);
                if (answered != null) {
                    return answered;
                }
            }
        } finally {
            lock.unlock();
        }
        return lead(me);
    }

    /** Entries queued for the next group (for tests). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits, holding the lock, until answered (the outcome) or named leader (null). */
    private @Nullable Outcome awaitTurn(Pending<E> me) {
        long nanos = maxWaitNanos;
        boolean interrupted = false;
        try {
            while (me.state == State.QUEUED || me.state == State.IN_FLIGHT) {
                if (nanos <= 0L || interrupted) {
                    return giveUp(me);
                }
                try {
                    nanos = me.settled.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return answer(me);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A follower stops waiting: withdrawn when still queued, else left to land unreported. */
    private Outcome giveUp(Pending<E> me) {
        if (me.state == State.QUEUED) {
            queue.remove(me);
            me.state = State.NOT_STORED;
        }
        return Outcome.NO_ACKNOWLEDGEMENT;
    }

    private static @Nullable Outcome answer(Pending<?> settled) {
        return switch (settled.state) {
            case STORED -> Outcome.STORED;
            case NOT_STORED -> Outcome.NOT_STORED;
            default -> null; // named leader
        };
    }

    private Outcome lead(Pending<E> me) {
        List<Pending<E>> group = new ArrayList<>();
        group.add(me);
        lock.lock();
        try {
            while (group.size() < maxGroup && !queue.isEmpty()) {
                Pending<E> follower = queue.poll();
                follower.state = State.IN_FLIGHT;
                group.add(follower);
            }
        } finally {
            lock.unlock();
        }
        BitSet written = new BitSet();
        try {
            groupSizes.accept(group.size());
            List<E> entries = new ArrayList<>(group.size());
            group.forEach(pending -> entries.add(pending.entry));
            written = store.write(List.copyOf(entries));
        } catch (RuntimeException e) {
            // nothing of this group is known written
        } finally {
            settle(group, written);
        }
        return me.state == State.STORED ? Outcome.STORED : Outcome.NOT_STORED;
    }

    /** Answers the group and hands the lead to the oldest queued caller, if any. */
    private void settle(List<Pending<E>> group, BitSet written) {
        lock.lock();
        try {
            for (int i = 0; i < group.size(); i++) {
                Pending<E> pending = group.get(i);
                pending.state = written.get(i) ? State.STORED : State.NOT_STORED;
                pending.settled.signal();
            }
            Pending<E> next = queue.poll();
            if (next == null) {
                led = false;
            } else {
                next.state = State.LEADING;
                next.settled.signal();
            }
        } finally {
            lock.unlock();
        }
    }
}
