package org.clinicops.intake.patients.adapter.web;

import org.clinicops.intake.patients.application.ReEncryptPatients;
import org.clinicops.platform.audit.Audit;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: after a key rotation, rewrites every patient with the primary keys. */
@RestController
class PatientKeysController {

    private final ReEncryptPatients reEncrypt;

    PatientKeysController(ReEncryptPatients reEncrypt) {
        this.reEncrypt = reEncrypt;
    }

    record ReEncrypted(long patients) {}

    @PostMapping("/api/admin/patients/re-encrypt")
    ReEncrypted reEncryptPatients() {
        Audit.object("patients", null);
        return new ReEncrypted(reEncrypt.handle());
    }
}
