package org.clinicops.monitoring.sessions.application;

import java.util.Optional;
import org.clinicops.monitoring.sessions.domain.InfusionSession;

/**
 * The infusion sessions monitoring knows, by session (appointment) id; a session changed since it
 * was read is refused ({@code OptimisticLockingFailureException}).
 */
public interface InfusionSessionRepository {

    Optional<InfusionSession> findById(String sessionId);

    InfusionSession save(InfusionSession session);
}
