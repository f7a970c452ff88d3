package org.clinicops.billing.sites;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    @GetMapping
    FeeScheduleResponse get(@PathVariable String siteId) {
        SiteAccess.require(siteId);
        return FeeScheduleResponse.of(sites.get(siteId));
    }

    @PutMapping
    FeeScheduleResponse replace(@PathVariable String siteId, @Valid @RequestBody FeeScheduleRequest request) {
        SiteAccess.require(siteId);
        return FeeScheduleResponse.of(sites.replaceSchedule(
                siteId,
                request.items().stream()
                        .map(i -> new FeeItem(
                                i.code(),
                                i.description(),
                                i.unitPrice().setScale(2, java.math.RoundingMode.HALF_EVEN),
                                i.effectiveFrom(),
                                i.effectiveTo()))
                        .toList()));
    }

    record FeeScheduleRequest(@NotNull List<@Valid Item> items) {}

    record Item(
            @NotBlank String code,
            @NotBlank String description,

            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2)
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
                                            .setScale(2, java.math.RoundingMode.HALF_EVEN)
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
