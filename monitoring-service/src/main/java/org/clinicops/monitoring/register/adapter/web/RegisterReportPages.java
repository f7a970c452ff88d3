package org.clinicops.monitoring.register.adapter.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports as the register page links them, for an operator signed in with the browser (the API
 * takes bearer tokens only): the same files, checks and audit as {@link RegisterReportController}.
 */
@Controller
@Hidden
class RegisterReportPages {

    private final RegisterReportController reports;

    RegisterReportPages(RegisterReportController reports) {
        this.reports = reports;
    }

    @GetMapping("/register/{siteId}/reports/dispensing-log")
    ResponseEntity<byte[]> dispensingLog(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "CSV") RegisterReportController.Format format) {
        return reports.dispensingLog(siteId, from, to, format);
    }

    @GetMapping("/register/{siteId}/reports/inventory")
    ResponseEntity<byte[]> inventory(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam(defaultValue = "CSV") RegisterReportController.Format format) {
        return reports.inventory(siteId, format);
    }
}
