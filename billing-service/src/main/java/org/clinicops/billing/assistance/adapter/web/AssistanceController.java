package org.clinicops.billing.assistance.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.accounts.application.AccountAccess;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.assistance.adapter.web.AssistanceRequests.DecisionRequest;
import org.clinicops.billing.assistance.adapter.web.AssistanceRequests.PackageRequest;
import org.clinicops.billing.assistance.adapter.web.AssistanceRequests.PolicyRequest;
import org.clinicops.billing.assistance.adapter.web.AssistanceRequests.TierRequest;
import org.clinicops.billing.assistance.adapter.web.AssistanceResponses.DecisionResponse;
import org.clinicops.billing.assistance.adapter.web.AssistanceResponses.PackageResponse;
import org.clinicops.billing.assistance.adapter.web.AssistanceResponses.PolicyResponse;
import org.clinicops.billing.assistance.application.Assistance;
import org.clinicops.billing.assistance.application.SeriesPackages;
import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.clinicops.billing.assistance.domain.AssistanceTier;
import org.clinicops.billing.assistance.domain.SeriesPackage;
import org.clinicops.events.PayerType;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sliding-scale policies, assistance decisions and series packages (applying them to an invoice is an
 * invoice's action). A site's policy is for staff of that site; a patient's decisions and packages for
 * staff of the patient's site (and of the site a new one is recorded for); lists show only the user's
 * sites.
 */
@RestController
class AssistanceController {

    private final Assistance assistance;
    private final SeriesPackages packages;
    private final AccountAccess accounts;

    AssistanceController(Assistance assistance, SeriesPackages packages, AccountAccess accounts) {
        this.assistance = assistance;
        this.packages = packages;
        this.accounts = accounts;
    }

    static final int ID = ApiBounds.MAX_ID_LENGTH;

    @GetMapping("/api/sites/{siteId}/assistance-policy")
    @Operation(summary = "A site's sliding scale")
    PolicyResponse policy(@PathVariable @Size(max = ID) String siteId) {
        SiteAccess.require(siteId);
        return PolicyResponse.of(siteId, assistance.policyOf(siteId), assistance);
    }

    @PutMapping("/api/sites/{siteId}/assistance-policy")
    @Operation(summary = "Replace a site's sliding scale")
    PolicyResponse replacePolicy(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String siteId,
            @Valid @RequestBody PolicyRequest request) {
        ApiBounds.pathId("siteId", siteId);
        SiteAccess.require(siteId);
        long names = request.tiers().stream().map(TierRequest::name).distinct().count();
        if (names != request.tiers().size()) {
            throw new InvalidRequestException("tiers", "tier names must be unique");
        }
        List<AssistanceTier> tiers = request.tiers().stream()
                .map(t -> new AssistanceTier(t.name(), t.maxPercentOfGuideline(), t.discountPercent()))
                .toList();
        return PolicyResponse.of(siteId, assistance.replacePolicy(siteId, tiers), assistance);
    }

    @PostMapping("/api/patients/{patientId}/assistance-decisions")
    @Operation(
            summary = "Record a patient's assistance decision at a site",
            description = "At siteId (a site of the caller's), or without it at the patient's oldest account at"
                    + " the caller's sites. A patient with accounts only at other sites is 403.")
    ResponseEntity<DecisionResponse> decide(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String patientId,
            @Valid @RequestBody DecisionRequest request) {
        ApiBounds.pathId("patientId", patientId);
        String siteId = request.siteId() != null
                ? request.siteId()
                : accounts.require(patientId, null).siteId();
        accounts.requireIfKnown(patientId, siteId);
        String by = SiteAccess.require(siteId).username();
        AssistanceDecision decision = assistance.handle(new Assistance.Decide(
                patientId,
                siteId,
                request.householdSize(),
                request.householdIncome(),
                request.effectiveFrom(),
                request.effectiveTo(),
                by));
        return ResponseEntity.created(location(patientId, "assistance-decisions"))
                .body(DecisionResponse.of(decision));
    }

    @GetMapping("/api/patients/{patientId}/assistance-decisions")
    @Operation(summary = "A patient's assistance decisions at the caller's sites")
    List<DecisionResponse> decisions(@PathVariable @Size(max = ID) String patientId) {
        accounts.requireReadable(patientId);
        return assistance.decisionsOf(patientId).stream()
                .filter(d -> SiteAccess.canAccess(d.siteId()))
                .map(DecisionResponse::of)
                .toList();
    }

    @PostMapping("/api/patients/{patientId}/series-packages")
    @Operation(
            summary = "Sell a prepaid series of sessions at a site (issues its invoice)",
            description = "At a site of the caller's; a patient with accounts only at other sites is 403.")
    ResponseEntity<PackageResponse> sell(
            @PathVariable @Parameter(schema = @Schema(maxLength = ID)) String patientId,
            @Valid @RequestBody PackageRequest request) {
        ApiBounds.pathId("patientId", patientId);
        Optional<PatientAccount> account = accounts.requireIfKnown(patientId, request.siteId());
        PayerType payer = account.map(PatientAccount::payerType).orElse(PayerType.SELF_PAY);
        SeriesPackage sold = packages.handle(
                new SeriesPackages.Sell(patientId, request.siteId(), payer, request.sessions(), request.price()));
        return ResponseEntity.created(location(patientId, "series-packages")).body(PackageResponse.of(sold));
    }

    @GetMapping("/api/patients/{patientId}/series-packages")
    @Operation(summary = "A patient's series packages at the caller's sites")
    List<PackageResponse> packages(@PathVariable @Size(max = ID) String patientId) {
        accounts.requireReadable(patientId);
        return packages.of(patientId).stream()
                .filter(p -> SiteAccess.canAccess(p.siteId()))
                .map(PackageResponse::of)
                .toList();
    }

    /** The location of a patient's collection, the id encoded as a path segment (any id is a valid URI). */
    private static URI location(String patientId, String collection) {
        return UriComponentsBuilder.fromPath("/api/patients/{patientId}/" + collection)
                .buildAndExpand(patientId)
                .encode()
                .toUri();
    }
}
