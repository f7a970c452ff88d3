package org.clinicops.intake.patients.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clinicops.intake.patients.application.ReEncryptPatients;
import org.clinicops.platform.audit.Audit;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: after a key rotation, rewrites every patient with the primary keys. */
@RestController
@Tag(name = "patients")
class PatientKeysController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ReEncryptPatients reEncrypt;

    PatientKeysController(ReEncryptPatients reEncrypt) {
        this.reEncrypt = reEncrypt;
    }

    record ReEncrypted(long patients) {}

    @Operation(summary = "Rewrite every patient with the primary keys after a key rotation (ADMIN)")
    @ApiResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The role or the site does not allow it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/api/admin/patients/re-encrypt")
    ReEncrypted reEncryptPatients() {
        Audit.object("patients", null);
        return new ReEncrypted(reEncrypt.handle());
    }
}
