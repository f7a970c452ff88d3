package org.clinicops.monitoring.indicators.domain;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.PayerType;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Hold;

/**
 * The backlog, the state now: patients waiting for a consultation (a request neither declined nor
 * withdrawn, with no consultation booked or taken place; a cancelled or missed consultation puts
 * the request back on the list), patients on clinical hold, the payer mix.
 */
final class BacklogCalculator {

    Backlog backlog(SiteFacts site, ClinicFacts facts, Lookups lookups) {
        Set<String> waiting = new HashSet<>();
        for (var request : site.requests) {
            String id = request.getKey();
            if (!lookups.requestsWithConsultation.contains(id)
                    && !facts.declinedRequests.contains(id)
                    && !facts.withdrawnRequests.containsKey(id)) {
                waiting.add(request.getValue().patientId());
            }
        }
        Set<String> onHold = new HashSet<>();
        for (Map.Entry<String, Hold> hold : site.holds) {
            // patients on hold: one with several active holds (one per serious event) counts once
            if (!facts.releasedHolds.contains(hold.getKey())) {
                onHold.add(hold.getValue().patientId());
            }
        }
        Map<PayerType, Long> payerMix = new EnumMap<>(PayerType.class);
        for (PayerType type : PayerType.values()) {
            payerMix.put(type, 0L);
        }
        facts.payers.getOrDefault(site.siteId, Map.of()).values().forEach(p -> payerMix.merge(p.type(), 1L, Long::sum));
        return new Backlog(waiting.size(), onHold.size(), payerMix);
    }
}
