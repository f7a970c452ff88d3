package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import org.clinicops.platform.inbox.AppliedEvent;
import org.clinicops.scheduling.booking.domain.SessionSafety;

/**
 * The session-safety read model: per session, the latest vitals reading and the vitals alerts raised
 * and closed, from monitoring's events. Every write is an idempotent upsert, so a replayed or
 * reordered event is harmless: a close that arrives before its raise is remembered, and the alert is
 * then never open.
 */
public interface SessionSafetyLog {

    /**
     * A reading was taken at the chair; the latest one is kept. Applied once per consumed event: the
     * session's document keeps the event's entry in its own inbox, written by the same upsert;
     * answers whether the event was new to it.
     */
    boolean vitalsTaken(String sessionId, Instant takenAt, AppliedEvent entry);

    /** An alert was raised, applied once per consumed event as {@link #vitalsTaken}. */
    boolean alertRaised(String sessionId, String alertId, AppliedEvent entry);

    /** An alert was closed, applied once per consumed event as {@link #vitalsTaken}. */
    boolean alertClosed(String sessionId, String alertId, AppliedEvent entry);

    /** What is known of the session; nothing recorded when the session is unknown. */
    SessionSafety of(String sessionId);
}
