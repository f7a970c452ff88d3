package org.clinicops.monitoring.vitals.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code session_vitals}, used only by this package's adapters. */
interface SpringDataSessionVitals extends MongoRepository<SessionVitals, String> {

    Optional<SessionVitals> findByAlertIds(String alertId);

    List<SessionVitals> findByActiveAlertsGreaterThan(int activeAlerts);
}
