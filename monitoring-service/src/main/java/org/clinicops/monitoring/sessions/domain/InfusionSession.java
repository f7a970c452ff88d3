package org.clinicops.monitoring.sessions.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An infusion session (a scheduling appointment) as monitoring knows it from the infusion events it
 * consumes: whose it is, where, when it is booked and where it stands.
 *
 * <p>The events travel on different topics and may arrive in any order or more than once, so every
 * change is a merge that depends only on the set of events seen: the slot is the one of the latest
 * scheduled or rescheduled event; the status is the latest by the time the event happened, except
 * that an ended session (completed or stopped) stays ended; a tie goes to the status that refuses
 * safety writes. Applying an event twice changes nothing.
 */
@Document("infusion_sessions")
public class InfusionSession {

    @Id
    private String sessionId;

    @Version
    private @Nullable Long version;

    private String patientId;
    private String siteId;
    private @Nullable String planId;
    private @Nullable Instant startsAt;
    private @Nullable Instant endsAt;
    private @Nullable Instant slotAt;
    private SessionStatus status;
    private Instant statusAt;
    private @Nullable Instant endedAt;
    private Instant identityAt;

    InfusionSession(String sessionId, String patientId, String siteId) {
        this.sessionId = sessionId;
        this.patientId = patientId;
        this.siteId = siteId;
        // SCHEDULED at the beginning of time: the status of any event outranks it
        this.status = SessionStatus.SCHEDULED;
        this.statusAt = Instant.EPOCH;
        this.identityAt = Instant.EPOCH;
    }

    /** A session first heard of: one of the methods below then applies the event. */
    public static InfusionSession firstSeen(String sessionId, String patientId, String siteId) {
        return new InfusionSession(sessionId, patientId, siteId);
    }

    /**
     * infusion-scheduled or infusion-rescheduled: booked (again) for this slot. Each of these methods
     * answers whether the event changed anything: false for a repeat, and for an event older than
     * everything it would set.
     */
    public boolean booked(
            String patientId, String siteId, String planId, Instant startsAt, Instant endsAt, Instant at) {
        boolean changed = identify(patientId, siteId, planId, at);
        if (slotAt == null || at.isAfter(slotAt)) {
            this.startsAt = startsAt;
            this.endsAt = endsAt;
            this.slotAt = at;
            changed = true;
        }
        return status(SessionStatus.SCHEDULED, at) | changed;
    }

    /** infusion-cancelled: gone, or waiting for a clinical hold to be released. */
    public boolean cancelled(
            String patientId, String siteId, String planId, Instant startsAt, boolean onHold, Instant at) {
        return identify(patientId, siteId, planId, at)
                | slotIfUnknown(startsAt)
                | status(onHold ? SessionStatus.ON_HOLD : SessionStatus.CANCELLED, at);
    }

    /** patient-no-show. */
    public boolean missed(String patientId, String siteId, String planId, Instant startsAt, Instant at) {
        return identify(patientId, siteId, planId, at) | slotIfUnknown(startsAt) | status(SessionStatus.NO_SHOW, at);
    }

    /** session-completed or session-stopped: the session ended at {@code at}. */
    public boolean ended(
            String patientId, String siteId, String planId, boolean stopped, Instant startedAt, Instant at) {
        return identify(patientId, siteId, planId, at)
                | slotIfUnknown(startedAt)
                | status(stopped ? SessionStatus.STOPPED : SessionStatus.COMPLETED, at);
    }

    private boolean identify(String patientId, String siteId, String planId, Instant at) {
        if (this.planId == null || at.isAfter(identityAt)) {
            this.patientId = patientId;
            this.siteId = siteId;
            this.planId = planId;
            this.identityAt = at;
            return true;
        }
        return false;
    }

    private boolean slotIfUnknown(Instant startsAt) {
        if (this.startsAt == null) {
            this.startsAt = startsAt;
            return true;
        }
        return false;
    }

    private boolean status(SessionStatus next, Instant at) {
        boolean wins;
        if (status.ended() != next.ended()) {
            wins = next.ended();
        } else if (!at.equals(statusAt)) {
            wins = at.isAfter(statusAt);
        } else {
            wins = next.precedence() > status.precedence();
        }
        if (wins) {
            status = next;
            statusAt = at;
            endedAt = next.ended() ? at : null;
        }
        return wins;
    }

    /** Whether the patient named (if any) and the site named (if any) are this session's. */
    public boolean matches(@Nullable String patientId, @Nullable String siteId) {
        return (patientId == null || patientId.equals(this.patientId))
                && (siteId == null || siteId.equals(this.siteId));
    }

    public String sessionId() {
        return sessionId;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public @Nullable String planId() {
        return planId;
    }

    public @Nullable Instant startsAt() {
        return startsAt;
    }

    public @Nullable Instant endsAt() {
        return endsAt;
    }

    public SessionStatus status() {
        return status;
    }

    /** When the session ended (completed or stopped), else null. */
    public @Nullable Instant endedAt() {
        return endedAt;
    }
}
