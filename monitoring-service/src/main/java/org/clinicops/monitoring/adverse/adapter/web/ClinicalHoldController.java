package org.clinicops.monitoring.adverse.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clinicops.monitoring.adverse.application.ReleaseClinicalHold;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's clinical holds: their state, for staff of a site where one was placed, and their
 * release by a clinician (checked by {@link ReleaseClinicalHold}: the signed-in clinician, holding
 * the site of every active hold).
 */
@RestController
@RequestMapping("/api/patients/{patientId}/clinical-hold")
class ClinicalHoldController {

    private final ReleaseClinicalHold release;
    private final SafetyQueries queries;

    ClinicalHoldController(ReleaseClinicalHold release, SafetyQueries queries) {
        this.release = release;
        this.queries = queries;
    }

    /**
     * @param clinicianId ignored: the releasing clinician is the signed-in user (older clients still
     *     send it; it is never recorded)
     */
    record ReleaseRequest(
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String clinicianId,
            @NotBlank @Size(max = 2000) String reason) {}

    record ActiveHoldResponse(String holdId, String adverseEventId, String siteId, int grade, Instant placedAt) {}

    /**
     * The patient's holds: {@code onHold} while any is active (wherever placed), the active holds of
     * the caller's sites, and the most recently placed hold (active or released) in the flat fields.
     */
    record HoldResponse(
            String patientId,
            boolean onHold,
            @Nullable String holdId,
            @Nullable String adverseEventId,
            @Nullable Integer grade,
            @Nullable Instant placedAt,
            int releases,
            List<ActiveHoldResponse> activeHolds) {

        static HoldResponse of(ClinicalHold hold) {
            var latest = hold.latestHold().orElse(null);
            return new HoldResponse(
                    hold.patientId(),
                    hold.active(),
                    latest == null ? null : latest.holdId(),
                    latest == null ? null : latest.adverseEventId(),
                    latest == null ? null : latest.grade(),
                    latest == null ? null : latest.placedAt(),
                    hold.releases().size(),
                    hold.activeHolds().stream()
                            .filter(h -> SiteAccess.canAccess(h.siteId()))
                            .map(h -> new ActiveHoldResponse(
                                    h.holdId(), h.adverseEventId(), h.siteId(), h.grade(), h.placedAt()))
                            .toList());
        }
    }

    @Operation(summary = "Read a patient's clinical holds")
    @GetMapping
    HoldResponse state(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId) {
        Audit.patient(patientId);
        ClinicalHold hold = queries.holdOf(patientId).orElse(null);
        if (hold == null) {
            // never on hold: nothing of any site to show
            return new HoldResponse(patientId, false, null, null, null, null, 0, List.of());
        }
        if (hold.activeSites().stream().noneMatch(SiteAccess::canAccess)) {
            SiteAccess.require(hold.siteId()); // 403 unless the latest hold is of the caller's site
        }
        return HoldResponse.of(hold);
    }

    @Operation(summary = "Release every active clinical hold of a patient (the signed-in clinician)")
    @PostMapping("/release")
    HoldResponse release(
            // bound documented, not a constraint: beside a @Valid body a constraint turns on method
            // validation, whose problem names the body "request" instead of its bad field (platform-support);
            // a longer id is simply not found (404)
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = ApiBounds.MAX_ID_LENGTH))
                    String patientId,
            @Valid @RequestBody ReleaseRequest request) {
        return HoldResponse.of(release.handle(new ReleaseClinicalHold.Command(patientId, request.reason())));
    }
}
