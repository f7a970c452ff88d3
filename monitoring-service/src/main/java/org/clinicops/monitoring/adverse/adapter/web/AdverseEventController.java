package org.clinicops.monitoring.adverse.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import org.clinicops.monitoring.adverse.application.ReportAdverseEvent;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adverse events reported during sessions: reported (only for a session monitoring knows, see
 * {@code SessionGate}) and read by staff of the event's site only.
 */
@RestController
@RequestMapping("/api/adverse-events")
class AdverseEventController {

    private final ReportAdverseEvent report;
    private final SafetyQueries queries;

    AdverseEventController(ReportAdverseEvent report, SafetyQueries queries) {
        this.report = report;
        this.queries = queries;
    }

    /** The patient and site are the session's: a request may leave them out; naming others is refused. */
    record ReportRequest(
            @Nullable String patientId,
            @Nullable String siteId,
            @NotBlank String sessionId,
            @NotBlank String category,
            @NotNull @Min(1) @Max(5) Integer grade,
            @NotNull Instant onsetAt,
            @NotBlank String actionTaken,
            @NotBlank String outcome) {}

    record AdverseEventResponse(
            String id,
            String patientId,
            String siteId,
            String sessionId,
            String category,
            int grade,
            boolean serious,
            String actionTaken,
            String outcome,
            Instant onsetAt,
            Instant reportedAt) {

        static AdverseEventResponse of(AdverseEvent e) {
            return new AdverseEventResponse(
                    e.id(),
                    e.patientId(),
                    e.siteId(),
                    e.sessionId(),
                    e.category().name(),
                    e.grade(),
                    e.serious(),
                    e.actionTaken().name(),
                    e.outcome().name(),
                    e.onsetAt(),
                    e.reportedAt());
        }
    }

    record ReportedResponse(AdverseEventResponse adverseEvent, boolean clinicalHoldPlaced) {}

    @PostMapping
    ResponseEntity<ReportedResponse> report(@Valid @RequestBody ReportRequest request) {
        Audit.patient(request.patientId());
        var reported = report.handle(AdverseEventCodes.command(
                request.patientId(),
                request.siteId(),
                request.sessionId(),
                request.category(),
                request.grade(),
                request.onsetAt(),
                request.actionTaken(),
                request.outcome()));
        return ResponseEntity.created(
                        URI.create("/api/adverse-events/" + reported.event().id()))
                .body(new ReportedResponse(AdverseEventResponse.of(reported.event()), reported.holdPlaced()));
    }

    @GetMapping("/{id}")
    AdverseEventResponse one(@PathVariable String id) {
        AdverseEvent event = queries.adverseEvent(id).orElseThrow(() -> new NotFoundException("adverse event", id));
        Audit.patient(event.patientId());
        SiteAccess.require(event.siteId());
        return AdverseEventResponse.of(event);
    }

    @GetMapping
    PagedModel<AdverseEventResponse> list(
            @RequestParam(required = false) @Nullable String siteId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            Pageable page) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        return new PagedModel<>(queries.adverseEvents(sites, from, to, page).map(AdverseEventResponse::of));
    }
}
