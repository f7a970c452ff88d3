package org.clinicops.monitoring.register.application;

import java.util.List;
import org.clinicops.monitoring.register.domain.WitnessRequest;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Wastes waiting for their witness. */
public interface WitnessRequestRepository extends MongoRepository<WitnessRequest, String> {

    List<WitnessRequest> findBySiteIdAndStatusOrderByRequestedAtDesc(String siteId, WitnessRequest.Status status);

    List<WitnessRequest> findBySessionIdOrderByRequestedAtDesc(String sessionId);
}
