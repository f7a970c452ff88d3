package org.clinicops.monitoring.vitals.application;

import java.util.Optional;
import org.clinicops.monitoring.vitals.domain.SessionVitals;

/**
 * Stores the vitals of each session; saving one stores its outbox in the same document write, and a
 * session changed since it was read is refused ({@code OptimisticLockingFailureException}).
 */
public interface SessionVitalsRepository {

    Optional<SessionVitals> findById(String sessionId);

    /** The session that raised the alert. */
    Optional<SessionVitals> findByAlertId(String alertId);

    SessionVitals save(SessionVitals session);
}
