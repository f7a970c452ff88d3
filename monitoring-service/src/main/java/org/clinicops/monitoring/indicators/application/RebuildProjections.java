package org.clinicops.monitoring.indicators.application;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/**
 * Wipes the fact log and rebuilds it from the beginning of every clinic topic, then recomputes the
 * indicators. Because facts are keyed by event id and the indicators depend only on the set of
 * facts, the figures afterwards are the same as before (for the events the broker still retains).
 * Events consumed live meanwhile are kept: appending one twice is harmless.
 */
@Service
public class RebuildProjections {

    private final FactLog facts;
    private final EventReplay replay;
    private final IndicatorSnapshots snapshots;

    RebuildProjections(FactLog facts, EventReplay replay, IndicatorSnapshots snapshots) {
        this.facts = facts;
        this.replay = replay;
        this.snapshots = snapshots;
    }

    /** How many events were read and how many facts the log holds afterwards. */
    public record Rebuilt(long eventsRead, long newFacts, long facts) {}

    public synchronized Rebuilt handle() {
        facts.clear();
        AtomicLong added = new AtomicLong();
        long read = replay.replay(fact -> {
            if (facts.append(fact)) {
                added.incrementAndGet();
            }
        });
        snapshots.reload();
        return new Rebuilt(read, added.get(), facts.count());
    }
}
