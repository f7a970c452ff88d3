package org.clinicops.monitoring.vitals.adapter.mongo;

import java.util.Optional;
import org.clinicops.monitoring.vitals.application.SessionVitalsRepository;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.springframework.stereotype.Component;

/** Session vitals in {@code session_vitals}, one versioned document per session with its outbox. */
@Component
class MongoSessionVitalsRepository implements SessionVitalsRepository {

    private final SpringDataSessionVitals repository;

    MongoSessionVitalsRepository(SpringDataSessionVitals repository) {
        this.repository = repository;
    }

    @Override
    public Optional<SessionVitals> findById(String sessionId) {
        return repository.findById(sessionId);
    }

    @Override
    public Optional<SessionVitals> findByAlertId(String alertId) {
        return repository.findByAlertIds(alertId);
    }

    @Override
    public SessionVitals save(SessionVitals session) {
        return repository.save(session);
    }
}
