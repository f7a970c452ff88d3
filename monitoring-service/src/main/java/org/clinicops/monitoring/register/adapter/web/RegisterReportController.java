package org.clinicops.monitoring.register.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.monitoring.register.application.RegisterReports;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register's reports for operators (and ADMIN): the dispensing log of a site over a date range
 * and the inventory of its lots, as CSV or PDF. Each read is audited with every patient pseudonym
 * the log carries.
 */
@RestController
@RequestMapping("/api/register/{siteId}/reports")
class RegisterReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** CSV or PDF. */
    enum Format {
        CSV,
        PDF
    }

    private final RegisterReports reports;

    RegisterReportController(RegisterReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The dispensing log of a site over a date range (site's dates, inclusive), CSV or PDF")
    @ApiResponse(
            responseCode = "200",
            description = "date, entry, kind, lot, patient pseudonym, received, drawn, administered, wasted, "
                    + "adjusted, witness, recorded by, balance after",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", maxLength = 50_000_000)),
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(type = "string", format = "binary", maxLength = 50_000_000))
            })
    @GetMapping("/dispensing-log")
    ResponseEntity<byte[]> dispensingLog(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "CSV") Format format) {
        SiteAccess.require(siteId);
        Audit.object("register-dispensing-log", siteId);
        var log = reports.dispensingLog(siteId, from, to);
        Audit.patients(log.rows().stream()
                .map(RegisterReports.DispensingRow::patientId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        String name = "dispensing-log-" + siteId + "-" + from + "-" + to;
        return format == Format.PDF
                ? file(ReportDocuments.dispensingPdf(log), MediaType.APPLICATION_PDF, name + ".pdf")
                : file(
                        ReportDocuments.csv(ReportDocuments.DISPENSING_COLUMNS, ReportDocuments.rows(log)),
                        CSV,
                        name + ".csv");
    }

    @Operation(summary = "The inventory of a site: every lot on hand, expected (balance) and counted, CSV or PDF")
    @ApiResponse(
            responseCode = "200",
            description = "lot, product, NDC, expiry, mg per unit, expected mg, units on hand, last count",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", maxLength = 50_000_000)),
                @Content(
                        mediaType = "application/pdf",
                        schema = @Schema(type = "string", format = "binary", maxLength = 50_000_000))
            })
    @GetMapping("/inventory")
    ResponseEntity<byte[]> inventory(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam(defaultValue = "CSV") Format format) {
        SiteAccess.require(siteId);
        Audit.object("register-inventory", siteId);
        var inventory = reports.inventory(siteId);
        String name = "inventory-" + siteId;
        return format == Format.PDF
                ? file(ReportDocuments.inventoryPdf(inventory), MediaType.APPLICATION_PDF, name + ".pdf")
                : file(
                        ReportDocuments.csv(ReportDocuments.INVENTORY_COLUMNS, ReportDocuments.rows(inventory)),
                        CSV,
                        name + ".csv");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
