package org.clinicops.monitoring.register.adapter.mongo;

import java.util.List;
import org.clinicops.monitoring.register.domain.WitnessRequest;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code register_witness_requests}, used only by {@link MongoWitnessRequestRepository}. */
interface SpringDataWitnessRequests extends MongoRepository<WitnessRequest, String> {

    List<WitnessRequest> findBySiteIdAndStatusOrderByRequestedAtDesc(String siteId, WitnessRequest.Status status);

    List<WitnessRequest> findBySessionIdOrderByRequestedAtDesc(String sessionId);
}
