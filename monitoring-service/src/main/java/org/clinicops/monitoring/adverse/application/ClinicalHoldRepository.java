package org.clinicops.monitoring.adverse.application;

import java.util.Optional;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;

/**
 * Stores the clinical holds, one document per patient with its outbox; a patient's holds changed
 * since they were read are refused ({@code OptimisticLockingFailureException}).
 */
public interface ClinicalHoldRepository {

    Optional<ClinicalHold> findById(String patientId);

    ClinicalHold save(ClinicalHold hold);
}
