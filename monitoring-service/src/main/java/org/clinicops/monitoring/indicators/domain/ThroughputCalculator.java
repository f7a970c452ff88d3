package org.clinicops.monitoring.indicators.domain;

import java.util.EnumMap;
import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CancelledInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Request;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.StoppedInfusion;

/** Throughput: how many requests, consultations and sessions of each outcome a site has seen. */
final class ThroughputCalculator {

    Throughput throughput(SiteFacts site) {
        Map<Condition, Long> byCondition = new EnumMap<>(Condition.class);
        for (var request : site.requests) {
            Request r = request.getValue();
            byCondition.merge(r.condition(), 1L, Long::sum);
        }
        long late = 0;
        for (var cancelled : site.cancelledInfusions) {
            CancelledInfusion c = cancelled.getValue();
            if (c.late()) {
                late++;
            }
        }
        Map<SessionStopped.Reason, Long> stopped = new EnumMap<>(SessionStopped.Reason.class);
        for (SessionStopped.Reason reason : SessionStopped.Reason.values()) {
            stopped.put(reason, 0L);
        }
        for (var s : site.stoppedInfusions) {
            StoppedInfusion st = s.getValue();
            stopped.merge(st.reason(), 1L, Long::sum);
        }
        return new Throughput(
                site.requests.size(),
                byCondition,
                site.scheduledConsultations.size(),
                site.completedConsultations.size(),
                site.scheduledInfusions.size(),
                site.completedInfusions.size(),
                site.missedInfusions.size(),
                site.cancelledInfusions.size(),
                late,
                stopped);
    }
}
