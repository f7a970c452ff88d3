package org.clinicops.billing.superbill;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads a patient's superbill for a period as PDF. */
@RestController
class SuperbillController {

    private final Superbill superbill;

    SuperbillController(Superbill superbill) {
        this.superbill = superbill;
    }

    @GetMapping(value = "/api/patients/{patientId}/superbill", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> download(
            @PathVariable String patientId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        byte[] pdf = superbill.pdf(patientId, from, to);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("superbill-" + patientId + "-" + from + "-" + to + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
