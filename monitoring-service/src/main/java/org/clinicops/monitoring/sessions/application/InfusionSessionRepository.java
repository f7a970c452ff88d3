package org.clinicops.monitoring.sessions.application;

import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The infusion sessions monitoring knows, by session (appointment) id. */
public interface InfusionSessionRepository extends MongoRepository<InfusionSession, String> {}
