package org.clinicops.platform.audit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A store whose every write waits until the test releases it, saying which entries fail or that the
 * whole write throws. It records each write (one insert command) and every entry it stored.
 */
final class GatedStore implements GroupCommit.Store<String> {

    private record Verdict(Predicate<String> fails, boolean throwing) {}

    /** The groups written, one per insert command, in order. */
    final List<List<String>> writes = new CopyOnWriteArrayList<>();

    /** Every entry stored, in order (a duplicate would show twice). */
    final List<String> stored = new CopyOnWriteArrayList<>();

    private @Nullable List<String> waiting;
    private @Nullable Verdict verdict;

    @Override
    public BitSet write(List<String> group) {
        Verdict given;
        synchronized (this) {
            writes.add(group);
            waiting = group;
            notifyAll();
            boolean interrupted = false;
            while (verdict == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // a database write is not stopped by the caller's interrupt
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            given = verdict;
            verdict = null;
        }
        BitSet written = new BitSet();
        for (int i = 0; i < group.size(); i++) {
            if (!given.fails().test(group.get(i))) {
                stored.add(group.get(i));
                written.set(i);
            }
        }
        if (given.throwing()) {
            throw new IllegalStateException("store unreachable");
        }
        return written;
    }

    /** The group of the write waiting for a verdict, empty when none waits. */
    synchronized List<String> inFlight() {
        return waiting == null ? List.of() : new ArrayList<>(waiting);
    }

    /** Lets the waiting write store every entry but the failing ones; false when none waits. */
    boolean release(Predicate<String> fails) {
        return give(new Verdict(fails, false));
    }

    /** Lets the waiting write store every entry. */
    boolean release() {
        return release(entry -> false);
    }

    /** Lets the waiting write throw having stored nothing. */
    boolean releaseThrowing() {
        return releaseThrowing(entry -> false);
    }

    /**
     * Lets the waiting write store the given entries and then throw, as a connection lost before
     * the acknowledgement: the caller cannot know which landed.
     */
    boolean releaseThrowing(Predicate<String> landsAnyway) {
        return give(new Verdict(landsAnyway.negate(), true));
    }

    private synchronized boolean give(Verdict given) {
        if (waiting == null) {
            return false;
        }
        waiting = null;
        verdict = given;
        notifyAll();
        return true;
    }
}
