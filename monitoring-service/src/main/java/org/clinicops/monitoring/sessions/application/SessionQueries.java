package org.clinicops.monitoring.sessions.application;

import java.time.Clock;
import java.util.Optional;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.monitoring.sessions.domain.SessionWritePolicy;
import org.springframework.stereotype.Service;

/** Reads the sessions monitoring knows (for pages; writes go through {@link SessionGate}). */
@Service
public class SessionQueries {

    private final InfusionSessionRepository sessions;
    private final SessionProperties properties;
    private final Clock clock;

    SessionQueries(InfusionSessionRepository sessions, SessionProperties properties, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<InfusionSession> session(String sessionId) {
        return sessions.findById(sessionId);
    }

    /** Why the session would refuse the write now, or empty when it would take it. */
    public Optional<SessionWritePolicy.Refusal> refusal(InfusionSession session, SessionWrite write) {
        return properties.policy().check(session, write, clock.instant());
    }
}
