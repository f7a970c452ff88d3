package org.clinicops.monitoring.vitals.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored session vitals. */
public interface SessionVitalsRepository extends MongoRepository<SessionVitals, String> {

    Optional<SessionVitals> findByAlertIds(String alertId);

    List<SessionVitals> findByActiveAlertsGreaterThan(int activeAlerts);
}
