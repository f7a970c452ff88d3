package org.clinicops.monitoring.sessions.application;

import java.util.function.Predicate;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionRescheduled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.platform.change.ConcurrentChanges;
import org.springframework.stereotype.Service;

/**
 * Keeps the session read model from scheduling's infusion events: scheduled, rescheduled,
 * cancelled (or put on hold), no-show, completed, stopped. Each event is merged into the session's
 * document, so a redelivered or late event lands where it belongs; an event that changes nothing (a
 * redelivery) is not written. The merge needs no record of the events applied: it depends only on
 * the set of events seen.
 */
@Service
public class TrackInfusionSessions {

    private final InfusionSessionRepository sessions;

    TrackInfusionSessions(InfusionSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Whether the event is one this read model takes. */
    public static boolean tracks(ClinicEvent event) {
        return event instanceof InfusionScheduled
                || event instanceof InfusionRescheduled
                || event instanceof InfusionCancelled
                || event instanceof PatientNoShow
                || event instanceof SessionCompleted
                || event instanceof SessionStopped;
    }

    /** Merges the event into its session; answers whether that changed the session (false for a repeat). */
    public boolean handle(ClinicEvent event) {
        if (event instanceof InfusionScheduled e) {
            return merge(
                    e.appointmentId(),
                    e.patientId(),
                    e.siteId(),
                    s -> s.booked(e.patientId(), e.siteId(), e.planId(), e.startsAt(), e.endsAt(), e.scheduledAt()));
        } else if (event instanceof InfusionRescheduled e) {
            return merge(
                    e.appointmentId(),
                    e.patientId(),
                    e.siteId(),
                    s -> s.booked(e.patientId(), e.siteId(), e.planId(), e.startsAt(), e.endsAt(), e.rescheduledAt()));
        } else if (event instanceof InfusionCancelled e) {
            return merge(
                    e.appointmentId(),
                    e.patientId(),
                    e.siteId(),
                    s -> s.cancelled(e.patientId(), e.siteId(), e.planId(), e.startsAt(), e.onHold(), e.cancelledAt()));
        } else if (event instanceof PatientNoShow e) {
            return merge(
                    e.appointmentId(),
                    e.patientId(),
                    e.siteId(),
                    s -> s.missed(e.patientId(), e.siteId(), e.planId(), e.startsAt(), e.recordedAt()));
        } else if (event instanceof SessionCompleted e) {
            return merge(
                    e.appointmentId(),
                    e.patientId(),
                    e.siteId(),
                    s -> s.ended(e.patientId(), e.siteId(), e.planId(), false, e.startedAt(), e.completedAt()));
        } else if (event instanceof SessionStopped e) {
            return merge(
                    e.appointmentId(),
                    e.patientId(),
                    e.siteId(),
                    s -> s.ended(e.patientId(), e.siteId(), e.planId(), true, e.startedAt(), e.stoppedAt()));
        }
        return false;
    }

    private boolean merge(String sessionId, String patientId, String siteId, Predicate<InfusionSession> change) {
        // two events of the session applied at once: read again and merge
        return ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the infusion session", () -> {
            InfusionSession session = sessions.findById(sessionId)
                    .orElseGet(() -> InfusionSession.firstSeen(sessionId, patientId, siteId));
            if (!change.test(session)) {
                return false;
            }
            sessions.save(session);
            return true;
        });
    }
}
