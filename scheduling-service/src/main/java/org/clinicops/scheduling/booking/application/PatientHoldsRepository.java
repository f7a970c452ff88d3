package org.clinicops.scheduling.booking.application;

import java.util.Optional;
import org.clinicops.scheduling.booking.domain.PatientHolds;

/** Stores each patient's clinical holds (one document per patient, optimistic locking by version). */
public interface PatientHoldsRepository {

    Optional<PatientHolds> findById(String patientId);

    /** Stores the holds; refused ({@code OptimisticLockingFailureException}) when changed since they were read. */
    PatientHolds save(PatientHolds holds);
}
