package org.clinicops.intake.patients.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.clinicops.intake.patients.application.RecordHousehold;
import org.clinicops.intake.patients.domain.Patient;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The patient record, for intake staff: the only API that shows identity and contact details. */
@RestController
@RequestMapping("/api/patients/{patientId}")
class PatientController {

    private final RecordHousehold household;

    PatientController(RecordHousehold household) {
        this.household = household;
    }

    record PatientView(
            String patientId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String email,
            String phone,
            String homeSiteId,
            String payerType,
            @Nullable Integer householdSize,
            @Nullable BigDecimal householdIncome) {

        static PatientView of(Patient p) {
            return new PatientView(
                    p.id(),
                    p.firstName(),
                    p.lastName(),
                    p.dateOfBirth(),
                    p.email(),
                    p.phone(),
                    p.homeSiteId(),
                    p.payerType().name(),
                    p.householdSize(),
                    p.householdIncome());
        }
    }

    record Household(
            @NotNull @Min(1) @Max(20) Integer householdSize,

            @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2)
            BigDecimal householdIncome) {}

    @GetMapping
    PatientView get(@PathVariable String patientId) {
        return PatientView.of(household.find(patientId));
    }

    @PutMapping("/household")
    PatientView recordHousehold(@PathVariable String patientId, @Valid @RequestBody Household body) {
        return PatientView.of(household.handle(patientId, body.householdSize(), body.householdIncome()));
    }
}
