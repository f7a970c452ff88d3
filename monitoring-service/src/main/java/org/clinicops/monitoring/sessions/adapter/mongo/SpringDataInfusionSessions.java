package org.clinicops.monitoring.sessions.adapter.mongo;

import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code infusion_sessions}, used only by {@link MongoInfusionSessionRepository}. */
interface SpringDataInfusionSessions extends MongoRepository<InfusionSession, String> {}
