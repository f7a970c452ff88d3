package org.clinicops.intake.requests.application;

import java.util.Optional;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.problem.NotFoundException;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored consultation requests. */
public interface ConsultationRequests extends MongoRepository<ConsultationRequest, String> {

    default ConsultationRequest get(String id) {
        return findById(id).orElseThrow(() -> new NotFoundException("consultation request", id));
    }

    Optional<ConsultationRequest> findFirstByPatientIdOrderByRequestedAtDesc(String patientId);
}
