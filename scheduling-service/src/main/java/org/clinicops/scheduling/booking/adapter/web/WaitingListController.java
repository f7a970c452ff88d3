package org.clinicops.scheduling.booking.adapter.web;

import java.time.Instant;
import java.util.List;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.booking.application.WaitingEntry;
import org.clinicops.scheduling.booking.application.WaitingList;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows what waits for capacity at the caller's sites, in the order it will be retried. */
@RestController
class WaitingListController {

    private final WaitingList waitingList;

    WaitingListController(WaitingList waitingList) {
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

    @GetMapping("/api/waiting-list")
    List<WaitingResponse> list(@RequestParam(required = false) @Nullable String siteId) {
        var visible = SiteAccess.visibleSites(siteId);
        return waitingList.inRetryOrder().stream()
                .filter(e -> visible.map(sites -> sites.contains(e.siteId())).orElse(true))
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
