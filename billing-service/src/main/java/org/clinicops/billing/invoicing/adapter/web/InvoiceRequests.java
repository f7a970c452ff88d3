package org.clinicops.billing.invoicing.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.input.MoneyAmount;
import org.clinicops.platform.input.MoneyInput;
import org.jspecify.annotations.Nullable;

/** The bodies of the invoice API's writes, bounded and validated before anything is computed. */
final class InvoiceRequests {

    private InvoiceRequests() {}

    /** Most lines of a manual invoice. */
    static final int MAX_LINES = 50;

    record DraftRequest(
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @Nullable PayerType payerType,
            @Nullable Instant serviceAt,
            @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull LineRequest> lines) {}

    record LineRequest(
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 200) String description,
            @Min(1) @Max(99) int units,

            @NotNull
            @MoneyAmount
            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    maxLength = MoneyInput.MAX_LENGTH,
                    example = "450.00",
                    description = "at most 12 digits before the point and 2 after it")
            BigDecimal unitPrice) {}

    record PaymentRequest(
            @NotNull
            @MoneyAmount(positive = true)
            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    maxLength = MoneyInput.MAX_LENGTH,
                    example = "125.00",
                    description = "greater than 0, at most 12 digits before the point and 2 after it")
            BigDecimal amount,

            @NotNull PaymentReceived.Method method) {}

    record RefundRequest(
            @NotNull
            @MoneyAmount(positive = true)
            @Schema(
                    type = "string",
                    pattern = MoneyInput.PATTERN,
                    maxLength = MoneyInput.MAX_LENGTH,
                    example = "40.00",
                    description = "greater than 0, at most 12 digits before the point and 2 after it")
            BigDecimal amount,

            @NotBlank @Size(max = 500) String reason) {}

    record VoidRequest(@NotBlank @Size(max = 500) String reason) {}

    record PlanRequest(
            @Min(2) @Max(24) int instalments,
            @NotNull LocalDate firstDueDate,
            @Min(1) @Max(92) int intervalDays) {}
}
