package org.clinicops.scheduling.booking.application;

import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stores each patient's clinical holds (one document per patient, optimistic locking by version). */
public interface PatientHoldsRepository extends MongoRepository<PatientHolds, String> {}
