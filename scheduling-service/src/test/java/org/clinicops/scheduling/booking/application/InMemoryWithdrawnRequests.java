package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Withdrawn requests in memory, keeping the first withdrawal time as the real store does. */
final class InMemoryWithdrawnRequests implements WithdrawnRequests {

    private final Map<String, Instant> withdrawn = new ConcurrentHashMap<>();

    @Override
    public void remember(String requestId, String patientId, String siteId, Instant withdrawnAt) {
        withdrawn.putIfAbsent(requestId, withdrawnAt);
    }

    @Override
    public boolean isWithdrawn(String requestId) {
        return withdrawn.containsKey(requestId);
    }
}
