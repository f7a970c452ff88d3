package org.clinicops.intake.patients.application;

import java.util.Optional;
import java.util.Set;
import org.clinicops.intake.patients.domain.Patient;

/** Stored patients; the store encrypts identity and contact details field by field. */
public interface Patients {

    Optional<Patient> find(String patientId);

    /** The patient with this canonical identity ({@code PatientMatchKey}), if one is stored. */
    Optional<Patient> findByIdentity(String canonicalIdentity);

    /**
     * Stores a new patient.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same person was stored meanwhile
     */
    Patient insert(Patient patient);

    /** Stores a changed patient. */
    Patient save(Patient patient);

    /** The sites the patient is known at: their home site and the site of each of their requests. */
    Set<String> sitesOf(Patient patient);

    /**
     * Rewrites every patient with the primary keys (after a rotation).
     *
     * @return how many patients were rewritten
     */
    long reEncryptAll();
}
