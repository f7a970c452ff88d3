package org.clinicops.monitoring.vitals.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.clinicops.monitoring.vitals.application.AlertView;
import org.clinicops.monitoring.vitals.application.ChartVitals;
import org.clinicops.monitoring.vitals.application.ChartVitalsCommand;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vitals charted during a session, by and for staff of the session's site; only for a session
 * monitoring knows from scheduling (see {@code SessionGate}).
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}/vitals")
class VitalsController {

    private final ChartVitals chartVitals;
    private final AlertQueries queries;

    VitalsController(ChartVitals chartVitals, AlertQueries queries) {
        this.chartVitals = chartVitals;
        this.queries = queries;
    }

    /**
     * Plausible ranges: values outside them are typing or device errors, not patient states. The
     * patient and site are the session's: a request may leave them out, and one naming others is
     * refused.
     */
    record ChartVitalsRequest(
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @NotNull Instant takenAt,
            @NotNull @Min(50) @Max(300) Integer systolic,
            @NotNull @Min(20) @Max(200) Integer diastolic,
            @NotNull @Min(20) @Max(250) Integer heartRate,
            @NotNull @Min(50) @Max(100) Integer spo2,
            @NotNull @Min(4) @Max(60) Integer respiratoryRate) {}

    record RaisedAlert(String alertId, String rule) {}

    record ChartedResponse(String sessionId, Instant takenAt, int readings, List<RaisedAlert> alertsRaised) {}

    record SessionVitalsResponse(
            String sessionId, String patientId, String siteId, List<VitalsReading> readings, List<AlertView> alerts) {}

    @Operation(summary = "Chart a vitals reading for a known, open session of the caller's site")
    @PostMapping
    ResponseEntity<ChartedResponse> chart(
            // bound documented, not a constraint: beside a @Valid body a constraint turns on method
            // validation, whose problem names the body "request" instead of its bad field (platform-support);
            // a longer id is simply not found (404)
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = ApiBounds.MAX_ID_LENGTH))
                    String sessionId,
            @Valid @RequestBody ChartVitalsRequest request) {
        Audit.patient(request.patientId());
        var charted = chartVitals.handle(new ChartVitalsCommand(
                sessionId,
                request.patientId(),
                request.siteId(),
                request.takenAt(),
                request.systolic(),
                request.diastolic(),
                request.heartRate(),
                request.spo2(),
                request.respiratoryRate()));
        return ResponseEntity.created(URI.create("/api/sessions/" + sessionId + "/vitals"))
                .body(new ChartedResponse(
                        sessionId,
                        request.takenAt(),
                        charted.session().readings().size(),
                        charted.raised().stream()
                                .map(a -> new RaisedAlert(a.alertId(), a.rule()))
                                .toList()));
    }

    @Operation(summary = "Read the vitals and alerts of a session")
    @GetMapping
    SessionVitalsResponse chartOf(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String sessionId) {
        @Nullable SessionVitals session = queries.session(sessionId).orElse(null);
        if (session == null) {
            throw new NotFoundException("session", sessionId);
        }
        Audit.patient(session.patientId());
        SiteAccess.require(session.siteId());
        return new SessionVitalsResponse(
                session.sessionId(),
                session.patientId(),
                session.siteId(),
                session.readings(),
                session.alerts().stream().map(a -> AlertView.of(session, a)).toList());
    }
}
