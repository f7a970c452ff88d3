package org.clinicops.intake.patients.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinicops.intake.patients.application.ReEncryptPatients;
import org.clinicops.platform.audit.Audit;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: after a key rotation, rewrites every patient with the primary keys. */
@RestController
@Tag(name = "patients")
class PatientKeysController {

    private final ReEncryptPatients reEncrypt;

    PatientKeysController(ReEncryptPatients reEncrypt) {
        this.reEncrypt = reEncrypt;
    }

    record ReEncrypted(long patients) {}

    @Operation(summary = "Rewrite every patient with the primary keys after a key rotation (ADMIN)")
    @PostMapping("/api/admin/patients/re-encrypt")
    ReEncrypted reEncryptPatients() {
        Audit.object("patients", null);
        return new ReEncrypted(reEncrypt.handle());
    }
}
