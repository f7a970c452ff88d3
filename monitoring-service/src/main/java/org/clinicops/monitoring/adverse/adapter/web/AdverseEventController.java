package org.clinicops.monitoring.adverse.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.adverse.application.AdverseEventCodes;
import org.clinicops.monitoring.adverse.application.ReportAdverseEvent;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.AdverseEventOutcome;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
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
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String sessionId,

            @Schema(implementation = AdverseEventCategory.class) @NotBlank @Size(max = ApiBounds.MAX_CODE_LENGTH)
            String category,

            @NotNull @Min(1) @Max(5) Integer grade,
            @NotNull Instant onsetAt,

            @Schema(implementation = ActionTaken.class) @NotBlank @Size(max = ApiBounds.MAX_CODE_LENGTH)
            String actionTaken,

            @Schema(implementation = AdverseEventOutcome.class) @NotBlank @Size(max = ApiBounds.MAX_CODE_LENGTH)
            String outcome) {}

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

    @Operation(summary = "Report an adverse event for a known, open session of the caller's site")
    @ApiResponse(
            responseCode = "201",
            description = "The adverse event, and whether it placed a clinical hold (Location: its address)",
            content = @Content(schema = @Schema(implementation = ReportedResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such session, or none the caller's sites can see")
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

    @Operation(summary = "Read an adverse event")
    @GetMapping("/{id}")
    AdverseEventResponse one(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String id) {
        AdverseEvent event = queries.adverseEvent(id).orElseThrow(() -> new NotFoundException("adverse event", id));
        Audit.patient(event.patientId());
        SiteAccess.require(event.siteId());
        return AdverseEventResponse.of(event);
    }

    /**
     * One page of adverse events by onset, newest first, read from the store with a limit; the audit
     * entry names every patient of the page.
     */
    @Operation(summary = "List adverse events at the caller's sites by onset, newest first, one page")
    @GetMapping
    PagedModel<AdverseEventResponse> list(
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ApiBounds.MAX_PAGE_SIZE) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        Page<AdverseEvent> events = queries.adverseEvents(sites, from, to, PageRequest.of(page, size));
        Audit.patients(events.map(AdverseEvent::patientId).content());
        return SpringDataPages.toPagedModel(events.map(AdverseEventResponse::of));
    }
}
