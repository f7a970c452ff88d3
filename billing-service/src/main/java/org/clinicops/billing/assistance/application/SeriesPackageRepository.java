package org.clinicops.billing.assistance.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.billing.assistance.domain.SeriesPackage;

/** Prepaid series packages and the appointments each one covered. */
public interface SeriesPackageRepository {

    void insert(SeriesPackage sold);

    /** The patient's package that already covers the appointment, if one does. */
    Optional<SeriesPackage> covering(String patientId, String appointmentId);

    /**
     * Atomically uses one session of the patient's oldest package with sessions left at the site for
     * the appointment; empty when there is none.
     */
    Optional<SeriesPackage> useOneSession(String patientId, String siteId, String appointmentId);

    /** The patient's packages, oldest first. */
    List<SeriesPackage> ofPatient(String patientId);
}
