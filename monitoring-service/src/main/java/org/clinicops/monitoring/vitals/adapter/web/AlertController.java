package org.clinicops.monitoring.vitals.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.clinicops.monitoring.vitals.application.AlertView;
import org.clinicops.monitoring.vitals.application.HandleAlert;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
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

    record AcknowledgeRequest(@NotBlank String nurseId) {}

    @GetMapping
    PagedModel<AlertView> list(
            @RequestParam(required = false) @Nullable String siteId,
            @RequestParam(required = false) @Nullable Boolean open,
            Pageable page) {
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        return new PagedModel<>(queries.alerts(sites, open, page));
    }

    @PostMapping("/{alertId}/acknowledge")
    AlertView acknowledge(@PathVariable String alertId, @Valid @RequestBody AcknowledgeRequest request) {
        return handleAlert.acknowledge(alertId, request.nurseId());
    }

    @PostMapping("/{alertId}/close")
    AlertView close(@PathVariable String alertId) {
        return handleAlert.close(alertId);
    }
}
