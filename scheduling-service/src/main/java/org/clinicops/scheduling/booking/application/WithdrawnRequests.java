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

    boolean isWithdrawn(String requestId);
}
