package org.clinicops.billing.superbill;

import java.time.LocalDate;
import org.clinicops.billing.accounts.AccountAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads a patient's superbill for a period as PDF, for staff of the patient's site. */
@RestController
class SuperbillController {

    private final Superbill superbill;
    private final AccountAccess accounts;

    SuperbillController(Superbill superbill, AccountAccess accounts) {
        this.superbill = superbill;
        this.accounts = accounts;
    }

    @GetMapping(value = "/api/patients/{patientId}/superbill", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> download(
            @PathVariable String patientId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        accounts.require(patientId);
        return SuperbillResponse.of(patientId, from, to, superbill.pdf(patientId, from, to));
    }
}
