package org.clinicops.monitoring.register.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.application.WitnessRequestRepository;
import org.clinicops.monitoring.register.domain.WitnessRequest;
import org.springframework.stereotype.Component;

/** Wastes waiting for their witness in {@code register_witness_requests}, one versioned document each. */
@Component
class MongoWitnessRequestRepository implements WitnessRequestRepository {

    private final SpringDataWitnessRequests repository;

    MongoWitnessRequestRepository(SpringDataWitnessRequests repository) {
        this.repository = repository;
    }

    @Override
    public Optional<WitnessRequest> findById(String requestId) {
        return repository.findById(requestId);
    }

    @Override
    public WitnessRequest save(WitnessRequest request) {
        return repository.save(request);
    }

    @Override
    public List<WitnessRequest> ofSite(String siteId, WitnessRequest.Status status) {
        return repository.findBySiteIdAndStatusOrderByRequestedAtDesc(siteId, status);
    }

    @Override
    public List<WitnessRequest> ofSession(String sessionId) {
        return repository.findBySessionIdOrderByRequestedAtDesc(sessionId);
    }
}
