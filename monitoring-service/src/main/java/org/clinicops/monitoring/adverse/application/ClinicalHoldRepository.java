package org.clinicops.monitoring.adverse.application;

import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored clinical holds, one per patient. */
public interface ClinicalHoldRepository extends MongoRepository<ClinicalHold, String> {}
