package org.clinicops.monitoring.adverse.adapter.mongo;

import java.util.Optional;
import org.clinicops.monitoring.adverse.application.ClinicalHoldRepository;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.springframework.stereotype.Component;

/** Clinical holds in {@code clinical_holds}, one versioned document per patient with its outbox. */
@Component
class MongoClinicalHoldRepository implements ClinicalHoldRepository {

    private final SpringDataClinicalHolds repository;

    MongoClinicalHoldRepository(SpringDataClinicalHolds repository) {
        this.repository = repository;
    }

    @Override
    public Optional<ClinicalHold> findById(String patientId) {
        return repository.findById(patientId);
    }

    @Override
    public ClinicalHold save(ClinicalHold hold) {
        return repository.save(hold);
    }
}
