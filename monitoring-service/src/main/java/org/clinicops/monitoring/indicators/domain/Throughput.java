package org.clinicops.monitoring.indicators.domain;

import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.SessionStopped;

/**
 * What happened at a site since its first event: counts that only grow, exported as counters
 * (Prometheus windows them).
 *
 * @param cancellationsByReason sessions cancelled, by reason (every reason present); {@code
 *     CLINICAL_HOLD} counts sessions put on hold, which are no cancellations
 * @param lateCancellations cancellations under 24 h before the start (holds never count)
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
        Map<InfusionCancelled.Reason, Long> cancellationsByReason,
        long lateCancellations,
        Map<SessionStopped.Reason, Long> sessionsStopped) {

    /** Sessions cancelled: every reason but a clinical hold. */
    public long cancellations() {
        return cancellationsByReason.entrySet().stream()
                .filter(e -> e.getKey() != InfusionCancelled.Reason.CLINICAL_HOLD)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long sessionsStoppedTotal() {
        return sessionsStopped.values().stream().mapToLong(Long::longValue).sum();
    }
}
