package org.clinicops.monitoring.register.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.application.DiscrepancyRepository;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.springframework.stereotype.Component;

/** Discrepancies in {@code register_discrepancies}, one versioned document each with its outbox. */
@Component
class MongoDiscrepancyRepository implements DiscrepancyRepository {

    private final SpringDataDiscrepancies repository;

    MongoDiscrepancyRepository(SpringDataDiscrepancies repository) {
        this.repository = repository;
    }

    @Override
    public boolean existsById(String id) {
        return repository.existsById(id);
    }

    @Override
    public Optional<Discrepancy> findById(String id) {
        return repository.findById(id);
    }

    @Override
    public Discrepancy insert(Discrepancy discrepancy) {
        return repository.insert(discrepancy);
    }

    @Override
    public Discrepancy save(Discrepancy discrepancy) {
        return repository.save(discrepancy);
    }

    @Override
    public List<Discrepancy> ofSite(String siteId, Discrepancy.Status status) {
        return repository.findBySiteIdAndStatusOrderByDetectedAtDesc(siteId, status);
    }

    @Override
    public List<Discrepancy> withStatus(Discrepancy.Status status) {
        return repository.findByStatus(status);
    }
}
