package org.clinicops.billing.superbill;

import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A superbill PDF as a download, for the API and the staff desk alike. */
public final class SuperbillResponse {

    private SuperbillResponse() {}

    public static ResponseEntity<byte[]> of(String patientId, LocalDate from, LocalDate to, byte[] pdf) {
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
