package org.clinicops.scheduling.booking.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.apidocs.ApiBounds;
import org.clinicops.scheduling.booking.application.FindWaitingEntries;
import org.clinicops.scheduling.booking.application.WaitingEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows what waits for capacity at the caller's sites, in the order it will be retried. */
@RestController
class WaitingListController {

    private final FindWaitingEntries waitingList;

    WaitingListController(FindWaitingEntries waitingList) {
        this.waitingList = waitingList;
    }

    record WaitingResponse(
            String id,
            WaitingEntry.Kind kind,
            String siteId,
            String patientId,
            boolean urgent,
            Instant requestedAt,
            Instant waitingSince,
            String reason) {}

    /**
     * One page of the entries in retry order, read from the store with a limit; the audit entry names
     * every patient of the page.
     */
    @Operation(summary = "List the waiting list at the caller's sites in retry order, one page")
    @GetMapping("/api/waiting-list")
    List<WaitingResponse> list(
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.MAX_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(ApiBounds.MAX_PAGE_SIZE) int size) {
        var visible = SiteAccess.visibleSites(siteId).orElse(null);
        List<WaitingEntry> entries = waitingList.find(visible, PageRequest.of(page, size));
        Audit.patients(entries.stream().map(WaitingEntry::patientId).toList());
        return entries.stream()
                .map(e -> new WaitingResponse(
                        e.id(),
                        e.kind(),
                        e.siteId(),
                        e.patientId(),
                        e.urgent(),
                        e.requestedAt(),
                        e.waitingSince(),
                        e.reason()))
                .toList();
    }
}
