package org.clinicops.billing.assistance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.accounts.AccountAccess;
import org.clinicops.billing.accounts.PatientAccount;
import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.clinicops.billing.assistance.domain.AssistanceTier;
import org.clinicops.billing.assistance.domain.SeriesPackage;
import org.clinicops.billing.invoicing.InvoiceAccess;
import org.clinicops.billing.invoicing.InvoiceResponse;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.events.PayerType;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sliding-scale policies, assistance decisions and series packages. A site's policy is for staff of
 * that site; a patient's decisions and packages for staff of the patient's site (and of the site a
 * new one is recorded for); lists show only the user's sites.
 */
@RestController
class AssistanceController {

    private final Assistance assistance;
    private final SeriesPackages packages;
    private final AccountAccess accounts;
    private final InvoiceAccess invoices;
    private final ApplyAssistance apply;

    AssistanceController(
            Assistance assistance,
            SeriesPackages packages,
            AccountAccess accounts,
            InvoiceAccess invoices,
            ApplyAssistance apply) {
        this.assistance = assistance;
        this.packages = packages;
        this.accounts = accounts;
        this.invoices = invoices;
        this.apply = apply;
    }

    @PostMapping("/api/invoices/{invoiceId}/assistance")
    InvoiceResponse applyToInvoice(@PathVariable String invoiceId) {
        invoices.require(invoiceId);
        return InvoiceResponse.of(
                apply.handle(invoiceId, SiteAccess.currentUser().username()));
    }

    @GetMapping("/api/sites/{siteId}/assistance-policy")
    PolicyResponse policy(@PathVariable String siteId) {
        SiteAccess.require(siteId);
        return PolicyResponse.of(siteId, assistance.policyOf(siteId), assistance);
    }

    @PutMapping("/api/sites/{siteId}/assistance-policy")
    PolicyResponse replacePolicy(@PathVariable String siteId, @Valid @RequestBody PolicyRequest request) {
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
    ResponseEntity<DecisionResponse> decide(
            @PathVariable String patientId, @Valid @RequestBody DecisionRequest request) {
        Optional<PatientAccount> account = accounts.requireIfKnown(patientId);
        String siteId = request.siteId() != null
                ? request.siteId()
                : account.map(PatientAccount::siteId).orElseThrow(() -> new NotFoundException("account", patientId));
        String by = SiteAccess.require(siteId).username();
        AssistanceDecision decision = assistance.handle(new Assistance.Decide(
                patientId,
                siteId,
                request.householdSize(),
                request.householdIncome(),
                request.effectiveFrom(),
                request.effectiveTo(),
                by));
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/assistance-decisions"))
                .body(DecisionResponse.of(decision));
    }

    @GetMapping("/api/patients/{patientId}/assistance-decisions")
    List<DecisionResponse> decisions(@PathVariable String patientId) {
        accounts.requireIfKnown(patientId);
        return assistance.decisionsOf(patientId).stream()
                .filter(d -> SiteAccess.canAccess(d.siteId()))
                .map(DecisionResponse::of)
                .toList();
    }

    @PostMapping("/api/patients/{patientId}/series-packages")
    ResponseEntity<PackageResponse> sell(@PathVariable String patientId, @Valid @RequestBody PackageRequest request) {
        Optional<PatientAccount> account = accounts.requireIfKnown(patientId);
        SiteAccess.require(request.siteId());
        PayerType payer = account.map(PatientAccount::payerType).orElse(PayerType.SELF_PAY);
        SeriesPackage sold = packages.handle(
                new SeriesPackages.Sell(patientId, request.siteId(), payer, request.sessions(), request.price()));
        return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/series-packages"))
                .body(PackageResponse.of(sold));
    }

    @GetMapping("/api/patients/{patientId}/series-packages")
    List<PackageResponse> packages(@PathVariable String patientId) {
        accounts.requireIfKnown(patientId);
        return packages.of(patientId).stream()
                .filter(p -> SiteAccess.canAccess(p.siteId()))
                .map(PackageResponse::of)
                .toList();
    }

    record PolicyRequest(@NotEmpty List<@Valid TierRequest> tiers) {}

    record TierRequest(
            @NotBlank String name,
            @Min(1) @Max(1000) int maxPercentOfGuideline,
            @Min(0) @Max(100) int discountPercent) {}

    record PolicyResponse(
            String siteId,
            int guidelineYear,
            String firstPerson,
            String eachAdditionalPerson,
            List<AssistanceTier> tiers) {
        static PolicyResponse of(String siteId, List<AssistanceTier> tiers, Assistance assistance) {
            var g = assistance.guideline();
            return new PolicyResponse(
                    siteId,
                    assistance.guidelineYear(),
                    Money.format(g.firstPerson()),
                    Money.format(g.eachAdditionalPerson()),
                    tiers);
        }
    }

    record DecisionRequest(
            @Nullable String siteId,
            @Min(1) @Max(20) int householdSize,

            @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2)
            BigDecimal householdIncome,

            @NotNull LocalDate effectiveFrom,
            @NotNull LocalDate effectiveTo) {}

    record DecisionResponse(
            String id,
            String patientId,
            String siteId,
            int householdSize,
            String percentOfGuideline,
            @Nullable String tier,
            int discountPercent,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            Instant decidedAt,
            String decidedBy) {
        static DecisionResponse of(AssistanceDecision d) {
            return new DecisionResponse(
                    d.id(),
                    d.patientId(),
                    d.siteId(),
                    d.householdSize(),
                    d.percentOfGuideline().toPlainString(),
                    d.tier(),
                    d.discountPercent(),
                    d.effectiveFrom(),
                    d.effectiveTo(),
                    d.decidedAt(),
                    d.decidedBy());
        }
    }

    record PackageRequest(
            @NotBlank String siteId,
            @Min(1) @Max(50) int sessions,

            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 7, fraction = 2)
            BigDecimal price) {}

    record PackageResponse(
            String id,
            String patientId,
            String siteId,
            int sessions,
            int remaining,
            String price,
            String currency,
            String invoiceId,
            Instant purchasedAt) {
        static PackageResponse of(SeriesPackage p) {
            return new PackageResponse(
                    p.id(),
                    p.patientId(),
                    p.siteId(),
                    p.sessions(),
                    p.remaining(),
                    Money.format(p.price()),
                    p.currency(),
                    p.invoiceId(),
                    p.purchasedAt());
        }
    }
}
