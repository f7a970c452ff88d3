package org.clinicops.monitoring.indicators.application;

import java.util.Optional;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the indicator projection from the beginning of every clinic topic: every event the
 * broker retains is folded into a fresh projection, which is stored (replacing the previous copy)
 * and then replaces the live one. The projection depends only on the set of events, so the figures
 * afterwards are the same as before (for the events the broker still retains). Events consumed
 * live meanwhile are recorded in the fact log as usual and folded into the rebuilt projection
 * before it goes live; one also read by the replay counts once (its {@code ce_id} is known).
 *
 * <p>A stored projection written in an older format (before a new indicator) is never read; {@link
 * #handleIfOutdated()} rebuilds it ({@code ProjectionFormatUpgrade} calls it on start and then every
 * minute until it succeeds).
 */
@Service
public class RebuildProjections {

    private final EventReplay replay;
    private final IndicatorSnapshots snapshots;
    private final ProjectionStore store;

    RebuildProjections(EventReplay replay, IndicatorSnapshots snapshots, ProjectionStore store) {
        this.replay = replay;
        this.snapshots = snapshots;
        this.store = store;
    }

    /**
     * What the rebuild did.
     *
     * @param eventsRead clinic events read from the topics
     * @param newFacts distinct events among them (a redelivered event counts once)
     * @param facts distinct events the projection holds afterwards (with those consumed meanwhile)
     * @param seconds wall time of the rebuild
     * @param saveSeconds of which storing the rebuilt projection
     */
    public record Rebuilt(long eventsRead, long newFacts, long facts, double seconds, double saveSeconds) {

        public double eventsPerSecond() {
            return seconds == 0 ? 0 : eventsRead / seconds;
        }
    }

    /** Rebuilds when the stored projection is of an older format; answers what the rebuild did. */
    public synchronized Optional<Rebuilt> handleIfOutdated() {
        return store.outdated() ? Optional.of(handle()) : Optional.empty();
    }

    public synchronized Rebuilt handle() {
        long start = System.nanoTime();
        IndicatorProjection rebuilt = snapshots.beginRebuild();
        try {
            long read = replay.replay(rebuilt::apply);
            long distinct = rebuilt.facts();
            long saving = System.nanoTime();
            store.save(rebuilt);
            long saved = System.nanoTime();
            snapshots.finishRebuild(rebuilt);
            return new Rebuilt(
                    read, distinct, rebuilt.facts(), (System.nanoTime() - start) / 1e9, (saved - saving) / 1e9);
        } catch (RuntimeException e) {
            snapshots.abortRebuild();
            throw e;
        }
    }
}
