package org.clinicops.intake.patients.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.intake.patients.domain.SiteHousehold;
import org.clinicops.intake.patients.domain.SubmittedIdentity;
import org.jspecify.annotations.Nullable;

/**
 * Stored patients, the identity submitted with each request and the households recorded per site;
 * the store encrypts identity and contact details field by field.
 */
public interface Patients {

    Optional<Patient> find(String patientId);

    /** The stored patients among these ids. */
    List<Patient> findAll(Collection<String> patientIds);

    /** The patient with this canonical identity ({@code PatientMatchKey}), if one is stored. */
    Optional<Patient> findByIdentity(String canonicalIdentity);

    /**
     * Stores a new patient.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same person was stored meanwhile
     */
    Patient insert(Patient patient);

    /**
     * The stored patient with the candidate's canonical identity, or else the candidate, stored now.
     * Two concurrent calls for one person answer the same patient (they meet at the unique match
     * key).
     */
    Patient findOrInsert(Patient candidate);

    /** Stores a changed patient. */
    Patient save(Patient patient);

    /**
     * The consultation requests of these patients at these sites, newest first.
     *
     * @param sites the sites to look at; null for every site
     */
    List<PatientRequest> requestsAt(Collection<String> patientIds, @Nullable Set<String> sites);

    /**
     * The ids of the patients with a request at these sites, in id order, after {@code afterPatientId}
     * (null: from the first), at most {@code limit}.
     *
     * @param sites the sites to look at; null for every site
     */
    List<String> patientIdsAt(@Nullable Set<String> sites, @Nullable String afterPatientId, int limit);

    /** Stores the identity submitted with a request (before the request itself is stored). */
    void recordSubmission(SubmittedIdentity identity);

    /** The identities submitted with these requests, by request id; a request without one is absent. */
    Map<String, SubmittedIdentity> submissions(Collection<String> requestIds);

    /** The households the patient gave at these sites. */
    List<SiteHousehold> households(String patientId, Collection<String> sites);

    /** Stores (or replaces) the household the patient gave at one site. */
    void saveHousehold(SiteHousehold household);

    /**
     * Rewrites every patient and every submitted identity with the primary keys (after a rotation).
     *
     * @return how many patients were rewritten
     */
    long reEncryptAll();
}
