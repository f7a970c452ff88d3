package org.clinicops.intake.requests.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.intake.screening.domain.Contraindication;
import org.jspecify.annotations.Nullable;

/** Request bodies of the consultation request API. */
final class RequestBodies {

    private RequestBodies() {}

    record NewRequest(
            @NotBlank @Size(max = 40) String siteId,
            @NotNull @Valid PatientDetails patient,
            @NotNull Condition condition,
            @NotNull ReferralSource referralSource,
            @NotNull PayerType payerType) {}

    @Schema(name = "PatientDetailsBody")
    record PatientDetails(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank @Size(max = 26) @Pattern(regexp = "\\+?[0-9 ()./-]{7,25}", message = "must be a phone number")
            String phone) {}

    /**
     * Scale answers are checked against each scale's range by the screening rules ({@code Scale}),
     * which name every bad field; only their presence and shape are checked here.
     */
    @Schema(name = "ScreeningBody")
    record Screening(
            @NotNull @Size(max = 9) List<Integer> phq9,
            @Nullable @Size(max = 7) List<Integer> gad7,
            @Nullable @Size(max = 20) List<Integer> pcl5,
            @Nullable Integer painNrs,
            @Nullable @Size(max = 20) List<@Valid PriorTrialEntry> priorTrials,
            @Nullable @Size(max = 12) List<@NotNull Contraindication> contraindications,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 200) String> medications,

            @Nullable @DecimalMin("20.0") @DecimalMax("350.0") @Digits(integer = 3, fraction = 2)
            BigDecimal weightKg) {}

    record PriorTrialEntry(
            @NotBlank @Size(max = 100) String drug,
            @NotNull Boolean adequate,
            @NotNull Boolean relief) {}

    /**
     * The dose ({@code doseMgPerKg} for IV protocols, {@code doseMg} for fixed-dose ones) is checked
     * against the protocol's limits by the dose rule ({@code DoseRule}), nowhere else; only its shape
     * is bounded here, so that no arithmetic ever sees a number like {@code 1e300000000}. The deciding
     * clinician is the signed-in user: {@code clinicianId} is accepted for older clients and ignored.
     */
    record DecisionBody(
            @NotNull RequestStatus decision,
            @Nullable @Size(max = 40) String clinicianId,
            @Nullable Protocol protocol,
            @Nullable @Min(1) @Max(12) Integer sessions,
            @Nullable @Digits(integer = 2, fraction = 4) BigDecimal doseMgPerKg,
            @Nullable @Digits(integer = 4, fraction = 1) BigDecimal doseMg,
            @Nullable Boolean override,
            @Nullable @Size(max = 500) String reason) {}

    /** Why the patient withdraws, as a code (never their words); optional. */
    record WithdrawalBody(ConsultationRequestWithdrawn.@Nullable Reason reason) {}
}
