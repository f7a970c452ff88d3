package org.clinicops.monitoring.register.application;

import java.util.function.Supplier;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Records a discrepancy once: its id says what it is about, so finding the same thing again (a
 * replayed event, the check after a crash) finds the stored one and raises no second event.
 */
@Service
public class Discrepancies {

    private final DiscrepancyRepository repository;

    Discrepancies(DiscrepancyRepository repository) {
        this.repository = repository;
    }

    /** Stores the discrepancy unless one with its id exists; true when this call stored it. */
    public boolean raiseOnce(String id, Supplier<Discrepancy> found) {
        if (repository.existsById(id)) {
            return false;
        }
        try {
            repository.insert(found.get());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
