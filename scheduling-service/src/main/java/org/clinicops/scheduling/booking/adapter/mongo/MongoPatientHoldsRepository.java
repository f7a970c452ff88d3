package org.clinicops.scheduling.booking.adapter.mongo;

import java.util.Optional;
import org.clinicops.scheduling.booking.application.PatientHoldsRepository;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.springframework.stereotype.Component;

/** Each patient's clinical holds in {@code patient_holds}, one versioned document per patient. */
@Component
class MongoPatientHoldsRepository implements PatientHoldsRepository {

    private final SpringDataPatientHolds repository;

    MongoPatientHoldsRepository(SpringDataPatientHolds repository) {
        this.repository = repository;
    }

    @Override
    public Optional<PatientHolds> findById(String patientId) {
        return repository.findById(patientId);
    }

    @Override
    public PatientHolds save(PatientHolds holds) {
        return repository.save(holds);
    }
}
