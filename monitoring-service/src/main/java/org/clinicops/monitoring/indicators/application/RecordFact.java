package org.clinicops.monitoring.indicators.application;

import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.springframework.stereotype.Service;

/** Records a consumed clinic event as a fact; a redelivered event changes nothing. */
@Service
public class RecordFact {

    private final FactLog facts;
    private final IndicatorSnapshots snapshots;

    RecordFact(FactLog facts, IndicatorSnapshots snapshots) {
        this.facts = facts;
        this.snapshots = snapshots;
    }

    /** Answers whether the fact was new (false: the event was recorded before). */
    public boolean handle(RecordedEvent fact) {
        if (facts.append(fact)) {
            snapshots.added(fact);
            return true;
        }
        return false;
    }
}
