package org.clinicops.monitoring.indicators.domain;

import java.util.EnumMap;
import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CancelledInfusion;

/**
 * Throughput: how many requests, consultations and sessions of each outcome a site has seen since
 * its first event. A session put on hold by a clinical hold counts under the reason {@code
 * CLINICAL_HOLD}, never as a cancellation: it is rebooked, and usually completed, later.
 */
final class ThroughputCalculator {

    Throughput throughput(SiteFacts site) {
        Map<Condition, Long> byCondition = new EnumMap<>(Condition.class);
        site.requests.forEach(r -> byCondition.merge(r.getValue().condition(), 1L, Long::sum));
        Map<InfusionCancelled.Reason, Long> cancelled = new EnumMap<>(InfusionCancelled.Reason.class);
        for (InfusionCancelled.Reason reason : InfusionCancelled.Reason.values()) {
            cancelled.put(reason, 0L);
        }
        long late = 0;
        for (var entry : site.cancelledInfusions) {
            CancelledInfusion c = entry.getValue();
            cancelled.merge(c.hold() ? InfusionCancelled.Reason.CLINICAL_HOLD : c.reason(), 1L, Long::sum);
            if (c.late() && !c.hold()) {
                late++;
            }
        }
        Map<SessionStopped.Reason, Long> stopped = new EnumMap<>(SessionStopped.Reason.class);
        for (SessionStopped.Reason reason : SessionStopped.Reason.values()) {
            stopped.put(reason, 0L);
        }
        site.stoppedInfusions.forEach(s -> stopped.merge(s.getValue().reason(), 1L, Long::sum));
        return new Throughput(
                site.requests.size(),
                byCondition,
                site.scheduledConsultations.size(),
                site.completedConsultations.size(),
                site.scheduledInfusions.size(),
                site.completedInfusions.size(),
                site.missedInfusions.size(),
                cancelled,
                late,
                stopped);
    }
}
