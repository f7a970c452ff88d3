package org.clinicops.intake.requests.adapter.mongo;

import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code consultation_requests}, used only by {@link MongoConsultationRequests}. */
interface SpringDataConsultationRequests extends MongoRepository<ConsultationRequest, String> {}
