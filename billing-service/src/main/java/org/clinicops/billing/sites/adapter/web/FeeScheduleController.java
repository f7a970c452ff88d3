package org.clinicops.billing.sites.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.billing.sites.domain.FeeItem;
import org.clinicops.platform.input.MoneyAmount;
import org.clinicops.platform.input.MoneyInput;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and replaces a site's fee schedule, for staff of that site. */
@RestController
@RequestMapping("/api/sites/{siteId}/fee-schedule")
class FeeScheduleController {

    private final BillingSites sites;

    FeeScheduleController(BillingSites sites) {
        this.sites = sites;
    }

    /** Most codes in a site's schedule. */
    static final int MAX_ITEMS = 200;

    /** Longest site id. */
    static final int MAX_ID = ApiBounds.MAX_ID_LENGTH;

    @GetMapping
    @Operation(summary = "A site's fee schedule")
    FeeScheduleResponse get(@PathVariable @Size(max = MAX_ID) String siteId) {
        SiteAccess.require(siteId);
        return FeeScheduleResponse.of(sites.get(siteId));
    }

    @PutMapping
    @Operation(summary = "Replace a site's fee schedule")
    FeeScheduleResponse replace(
            @PathVariable @Parameter(schema = @Schema(maxLength = MAX_ID)) String siteId,
            @Valid @RequestBody FeeScheduleRequest request) {
        ApiBounds.pathId("siteId", siteId);
        SiteAccess.require(siteId);
        return FeeScheduleResponse.of(sites.replaceSchedule(
                siteId,
                request.items().stream()
                        .map(i -> new FeeItem(
                                i.code(),
                                i.description(),
                                Money.cents(i.unitPrice()),
                                i.effectiveFrom(),
                                i.effectiveTo()))
                        .toList()));
    }

    record FeeScheduleRequest(
            @NotNull @Size(max = MAX_ITEMS) List<@Valid @NotNull Item> items) {}

    record Item(
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 200) String description,

            @NotNull
            @MoneyAmount
            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    maxLength = MoneyInput.MAX_LENGTH,
                    example = "450.00",
                    description = "at most 12 digits before the point and 2 after it")
            BigDecimal unitPrice,

            @Nullable LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {}

    record FeeScheduleResponse(String siteId, String currency, List<ItemResponse> items) {
        static FeeScheduleResponse of(BillingSite site) {
            return new FeeScheduleResponse(
                    site.id(),
                    site.currency(),
                    site.feeSchedule().stream()
                            .map(i -> new ItemResponse(
                                    i.code(),
                                    i.description(),
                                    i.unitPrice()
                                            .setScale(2, RoundingMode.HALF_EVEN)
                                            .toPlainString(),
                                    i.effectiveFrom(),
                                    i.effectiveTo()))
                            .toList());
        }
    }

    record ItemResponse(
            String code,
            String description,
            String unitPrice,
            @Nullable LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo) {}
}
