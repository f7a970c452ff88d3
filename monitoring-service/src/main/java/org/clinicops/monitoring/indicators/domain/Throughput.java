package org.clinicops.monitoring.indicators.domain;

import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.events.SessionStopped;

/**
 * What happened at a site since its first event: counts that only grow, exported as counters
 * (Prometheus windows them).
 *
 * @param sessionsStopped sessions stopped before their planned end, by reason (every reason present),
 *     counted apart from completed ones
 */
public record Throughput(
        long consultationRequests,
        Map<Condition, Long> consultationRequestsByCondition,
        long consultationsScheduled,
        long consultationsCompleted,
        long infusionsScheduled,
        long infusionsCompleted,
        long noShows,
        long cancellations,
        long lateCancellations,
        Map<SessionStopped.Reason, Long> sessionsStopped) {

    public long sessionsStoppedTotal() {
        return sessionsStopped.values().stream().mapToLong(Long::longValue).sum();
    }
}
