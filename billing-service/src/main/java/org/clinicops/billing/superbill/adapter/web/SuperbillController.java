package org.clinicops.billing.superbill.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.clinicops.billing.accounts.application.AccountAccess;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.superbill.application.Superbill;
import org.clinicops.billing.superbill.application.SuperbillPdf;
import org.clinicops.platform.web.Downloads;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads a patient's superbill of one account (site) for a period as PDF, for staff of that site. */
@RestController
class SuperbillController {

    private final Superbill superbill;
    private final AccountAccess accounts;

    SuperbillController(Superbill superbill, AccountAccess accounts) {
        this.superbill = superbill;
        this.accounts = accounts;
    }

    @GetMapping(value = "/api/patients/{patientId}/superbill", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "A patient's superbill (PDF) of one site's account for a period",
            description = "Each line carries the ICD-10 code of its own service. Without siteId, the oldest"
                    + " account at the caller's sites.")
    ResponseEntity<byte[]> download(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "the account's site (403 if it is not the caller's)")
                    @RequestParam(required = false)
                    @Size(max = ApiBounds.MAX_ID_LENGTH)
                    @Nullable
                    String siteId) {
        PatientAccount account = accounts.require(patientId, siteId);
        SuperbillPdf pdf = superbill.pdf(account, from, to);
        return Downloads.attachment(MediaType.APPLICATION_PDF, pdf.fileName(), pdf.content());
    }
}
