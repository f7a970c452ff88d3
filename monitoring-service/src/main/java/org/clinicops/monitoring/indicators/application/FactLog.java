package org.clinicops.monitoring.indicators.application;

import java.util.List;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;

/** The recorded clinic events, at most one per event id. */
public interface FactLog {

    /** Records the fact unless one with its id exists; answers whether it was new. */
    boolean append(RecordedEvent fact);

    List<RecordedEvent> all();

    long count();

    /** Forgets every fact. */
    void clear();
}
