package org.clinicops.monitoring.indicators.application;

import java.util.function.Consumer;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;

/** Reads every clinic event still held by the broker, from the beginning of each topic. */
public interface EventReplay {

    /** Hands each readable event to the sink, on one thread; answers how many were read. */
    long replay(Consumer<RecordedEvent> sink);
}
