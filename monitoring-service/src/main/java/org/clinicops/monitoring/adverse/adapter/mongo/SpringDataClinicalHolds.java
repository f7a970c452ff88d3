package org.clinicops.monitoring.adverse.adapter.mongo;

import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code clinical_holds}, used only by this package's adapters. */
interface SpringDataClinicalHolds extends MongoRepository<ClinicalHold, String> {}
