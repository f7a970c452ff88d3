package org.clinicops.monitoring.sessions.application;

import java.time.Clock;
import java.util.Map;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The one gate every vitals reading and adverse event goes through (the API and the nurse page
 * alike, through {@code ChartVitals} and {@code ReportAdverseEvent}), before anything is written:
 *
 * <ol>
 *   <li>a site the request names must be one of the caller's (403);
 *   <li>the session must be one monitoring knows from scheduling's infusion events (404);
 *   <li>the session's site must be one of the caller's (403, also when she names her own site);
 *   <li>the patient and site the request names, if any, must be the session's (409 {@code
 *       session-mismatch});
 *   <li>the session must be open for the write ({@link
 *       org.clinicops.monitoring.sessions.domain.SessionWritePolicy}, 409 naming why).
 * </ol>
 *
 * The session's patient and site are what gets written, never the request's.
 */
@Service
public class SessionGate {

    private final InfusionSessionRepository sessions;
    private final SessionProperties properties;
    private final Clock clock;

    SessionGate(InfusionSessionRepository sessions, SessionProperties properties, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Lets the write through or refuses it.
     *
     * @param patientId the patient the request names, null when it names none
     * @param siteId the site the request names, null when it names none
     * @return the session the write belongs to
     */
    public AdmittedSession admit(
            String sessionId, @Nullable String patientId, @Nullable String siteId, SessionWrite write) {
        if (siteId != null) {
            SiteAccess.require(siteId);
        }
        InfusionSession session =
                sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
        Audit.patient(session.patientId());
        SiteAccess.require(session.siteId());
        if (!session.matches(patientId, siteId)) {
            throw new ConflictException(
                    "session-mismatch", "session " + sessionId + " belongs to another patient or site");
        }
        properties.policy().check(session, write, clock.instant()).ifPresent(refusal -> {
            throw new ConflictException(
                    refusal.code(),
                    refusal.message(),
                    Map.of("sessionStatus", session.status().name()));
        });
        return new AdmittedSession(session.sessionId(), session.patientId(), session.siteId());
    }

    /** A session that takes the write: its id, patient and site. */
    public record AdmittedSession(String sessionId, String patientId, String siteId) {}
}
