package org.clinicops.monitoring.adverse.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.clinicops.monitoring.adverse.application.ReleaseClinicalHold;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's clinical hold: its state and its release by a clinician, both for staff of the site
 * where the hold was placed (the release is checked by {@link ReleaseClinicalHold}).
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

    record ReleaseRequest(
            @NotBlank String clinicianId,
            @NotBlank @Size(max = 2000) String reason) {}

    record HoldResponse(
            String patientId,
            boolean onHold,
            @Nullable String holdId,
            @Nullable String adverseEventId,
            @Nullable Integer grade,
            @Nullable Instant placedAt,
            int releases) {

        static HoldResponse of(ClinicalHold hold) {
            return new HoldResponse(
                    hold.patientId(),
                    hold.active(),
                    hold.holdId(),
                    hold.adverseEventId(),
                    hold.holdId() == null ? null : hold.grade(),
                    hold.placedAt(),
                    hold.releases().size());
        }
    }

    @GetMapping
    HoldResponse state(@PathVariable String patientId) {
        ClinicalHold hold = queries.holdOf(patientId).orElse(null);
        if (hold == null) {
            // never on hold: nothing of any site to show
            return new HoldResponse(patientId, false, null, null, null, null, 0);
        }
        SiteAccess.require(hold.siteId());
        return HoldResponse.of(hold);
    }

    @PostMapping("/release")
    HoldResponse release(@PathVariable String patientId, @Valid @RequestBody ReleaseRequest request) {
        return HoldResponse.of(
                release.handle(new ReleaseClinicalHold.Command(patientId, request.clinicianId(), request.reason())));
    }
}
