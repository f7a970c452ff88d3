package org.clinicops.scheduling.booking.adapter.mongo;

import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code patient_holds}, used only by {@link MongoPatientHoldsRepository}. */
interface SpringDataPatientHolds extends MongoRepository<PatientHolds, String> {}
