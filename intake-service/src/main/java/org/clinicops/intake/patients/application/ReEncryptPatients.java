package org.clinicops.intake.patients.application;

import org.springframework.stereotype.Service;

/**
 * After a key rotation, rewrites every patient with the primary keys, so the old keys can then be
 * removed from the keysets.
 */
@Service
public class ReEncryptPatients {

    private final Patients patients;

    ReEncryptPatients(Patients patients) {
        this.patients = patients;
    }

    /** How many patients were rewritten. */
    public long handle() {
        return patients.reEncryptAll();
    }
}
