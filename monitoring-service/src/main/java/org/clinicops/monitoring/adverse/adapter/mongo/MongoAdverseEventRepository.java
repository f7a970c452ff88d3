package org.clinicops.monitoring.adverse.adapter.mongo;

import org.clinicops.monitoring.adverse.application.AdverseEventRepository;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.springframework.stereotype.Component;

/** Adverse events in {@code adverse_events}, one document each with its outbox. */
@Component
class MongoAdverseEventRepository implements AdverseEventRepository {

    private final SpringDataAdverseEvents repository;

    MongoAdverseEventRepository(SpringDataAdverseEvents repository) {
        this.repository = repository;
    }

    @Override
    public AdverseEvent save(AdverseEvent event) {
        return repository.save(event);
    }
}
