package org.clinicops.scheduling.booking.application;

import java.time.Instant;

/**
 * The consultation requests intake withdrew, remembered by request id, so that a withdrawal that
 * arrives before (or while) its request is booked still wins: withdrawal and request travel on
 * different topics and may be applied in either order.
 */
public interface WithdrawnRequests {

    /** Remembers the withdrawal; harmless when repeated (the first time is kept). */
    void remember(String requestId, String patientId, String siteId, Instant withdrawnAt);

    /** Whether any instance remembered the withdrawal (a store read). */
    boolean isWithdrawn(String requestId);

    /**
     * Whether the withdrawal is known here without a store read: the withdrawals stored when this
     * instance first asked, and those it remembered since. May answer false for one another instance
     * remembered meanwhile, so it only spares work; the check that decides is {@link #isWithdrawn}.
     */
    default boolean isKnownWithdrawn(String requestId) {
        return isWithdrawn(requestId);
    }
}
