package org.clinicops.billing.assistance.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.platform.input.MoneyAmount;
import org.clinicops.platform.input.MoneyInput;
import org.jspecify.annotations.Nullable;

/** The bodies of the assistance API's writes, bounded and validated before anything is computed. */
final class AssistanceRequests {

    private AssistanceRequests() {}

    record PolicyRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull TierRequest> tiers) {}

    record TierRequest(
            @NotBlank @Size(max = 40) String name,
            @Min(1) @Max(1000) int maxPercentOfGuideline,
            @Min(0) @Max(100) int discountPercent) {}

    record DecisionRequest(
            @Size(max = ApiBounds.MAX_ID_LENGTH) @Nullable String siteId,
            @Min(1) @Max(20) int householdSize,

            @NotNull
            @MoneyAmount
            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    maxLength = MoneyInput.MAX_LENGTH,
                    example = "32000.00",
                    description = "yearly; at most 12 digits before the point and 2 after it")
            BigDecimal householdIncome,

            @NotNull LocalDate effectiveFrom,
            @NotNull LocalDate effectiveTo) {}

    record PackageRequest(
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @Min(1) @Max(50) int sessions,

            @NotNull
            @MoneyAmount(positive = true)
            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    maxLength = MoneyInput.MAX_LENGTH,
                    example = "1800.00",
                    description = "greater than 0, at most 12 digits before the point and 2 after it")
            BigDecimal price) {}
}
