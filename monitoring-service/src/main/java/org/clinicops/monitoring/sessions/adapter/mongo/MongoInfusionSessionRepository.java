package org.clinicops.monitoring.sessions.adapter.mongo;

import java.util.Optional;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.springframework.stereotype.Component;

/** Infusion sessions in {@code infusion_sessions}, one versioned document per session. */
@Component
class MongoInfusionSessionRepository implements InfusionSessionRepository {

    private final SpringDataInfusionSessions repository;

    MongoInfusionSessionRepository(SpringDataInfusionSessions repository) {
        this.repository = repository;
    }

    @Override
    public Optional<InfusionSession> findById(String sessionId) {
        return repository.findById(sessionId);
    }

    @Override
    public InfusionSession save(InfusionSession session) {
        return repository.save(session);
    }
}
