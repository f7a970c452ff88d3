package org.clinicops.monitoring.vitals.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.clinicops.monitoring.vitals.application.AlertView;
import org.clinicops.monitoring.vitals.application.HandleAlert;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vitals alerts: list (only the caller's sites), acknowledge, close (only an alert of the caller's
 * site, checked by {@link HandleAlert}).
 */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertQueries queries;
    private final HandleAlert handleAlert;

    AlertController(AlertQueries queries, HandleAlert handleAlert) {
        this.queries = queries;
        this.handleAlert = handleAlert;
    }

    /**
     * @param nurseId ignored: the acknowledging nurse is the signed-in user (older clients still send
     *     it, so it is accepted, and bounded like every id)
     */
    record AcknowledgeRequest(
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String nurseId) {}

    /**
     * One page of alerts, newest first, read from the store with a limit; the audit entry names every
     * patient of the page.
     */
    @Operation(summary = "List vitals alerts at the caller's sites, newest first, one page")
    @GetMapping
    PagedModel<AlertView> list(
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam(required = false) @Nullable Boolean open,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ApiBounds.MAX_PAGE_SIZE) int size) {
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        Page<AlertView> alerts = queries.alerts(sites, open, PageRequest.of(page, size));
        Audit.patients(alerts.map(AlertView::patientId).content());
        return SpringDataPages.toPagedModel(alerts);
    }

    @Operation(summary = "Acknowledge an open alert in the name of the signed-in user")
    @PostMapping("/{alertId}/acknowledge")
    AlertView acknowledge(
            // bound documented, not a constraint: beside a @Valid body a constraint turns on method
            // validation, whose problem names the body "request" instead of its bad field (platform-support);
            // a longer id is simply not found (404)
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = ApiBounds.MAX_ID_LENGTH))
                    String alertId,
            @Valid @RequestBody(required = false) @Nullable AcknowledgeRequest request) {
        // the signed-in member of staff acknowledges, never a name the client writes in the body
        return handleAlert.acknowledge(alertId, SiteAccess.currentUser().username());
    }

    @Operation(summary = "Close an alert")
    @PostMapping("/{alertId}/close")
    AlertView close(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String alertId) {
        return handleAlert.close(alertId);
    }
}
