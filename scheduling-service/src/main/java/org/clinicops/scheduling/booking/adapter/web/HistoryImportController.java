package org.clinicops.scheduling.booking.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clinicops.scheduling.apidocs.ApiBounds;
import org.clinicops.scheduling.booking.application.ImportSessionHistory;
import org.clinicops.scheduling.booking.application.ImportSessionHistoryCommand;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports a batch of a site's infusion sessions, past and ahead, through {@link ImportSessionHistory}
 * (ADMIN). Off unless {@code clinic.scheduling.history-import.enabled=true}: meant for load tests
 * that need a store with a history (the booking benchmark switches it on for its own service).
 */
@RestController
@ConditionalOnBooleanProperty("clinic.scheduling.history-import.enabled")
class HistoryImportController {

    private final ImportSessionHistory history;

    HistoryImportController(ImportSessionHistory history) {
        this.history = history;
    }

    record HistoryImportRequest(
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @Min(1) @Max(24 * 60) int infusionMinutes,
            @Min(0) @Max(24 * 60) int observationMinutes,

            @NotNull @Size(max = ImportSessionHistory.MAX_SESSIONS)
            List<@Valid @NotNull SessionRequest> sessions) {}

    /** One session: unique number within the site's import, chair, start and how it ended. */
    record SessionRequest(
            @Min(0) int n,
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String chairId,
            @NotNull Instant startsAt,
            @NotNull ImportSessionHistoryCommand.Outcome outcome) {}

    @Operation(summary = "Import a batch of a site's infusion sessions (load tests; off by default)")
    @PostMapping("/api/admin/history-import")
    ImportSessionHistoryCommand.Result importSessions(@Valid @RequestBody HistoryImportRequest request) {
        return history.handle(new ImportSessionHistoryCommand(
                request.siteId(),
                request.infusionMinutes(),
                request.observationMinutes(),
                request.sessions().stream()
                        .map(s ->
                                new ImportSessionHistoryCommand.Session(s.n(), s.chairId(), s.startsAt(), s.outcome()))
                        .toList()));
    }
}
