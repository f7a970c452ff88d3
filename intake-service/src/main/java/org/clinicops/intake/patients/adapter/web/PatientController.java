package org.clinicops.intake.patients.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.clinicops.intake.patients.application.FindPatient;
import org.clinicops.intake.patients.application.RecordHousehold;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patient record: the only API that shows identity and contact details (intake staff and
 * clinicians), and the household figures billing needs for financial assistance. A patient is
 * visible to staff of any site they are known at: their home site or the site of one of their
 * requests.
 */
@RestController
@RequestMapping("/api/patients/{patientId}")
class PatientController {

    private final FindPatient find;
    private final RecordHousehold household;

    PatientController(FindPatient find, RecordHousehold household) {
        this.find = find;
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

    /** What billing may read: no name, contact details or date of birth. */
    record HouseholdView(
            String patientId,
            String homeSiteId,
            String payerType,
            @Nullable Integer householdSize,
            @Nullable BigDecimal householdIncome) {

        static HouseholdView of(Patient p) {
            return new HouseholdView(
                    p.id(), p.homeSiteId(), p.payerType().name(), p.householdSize(), p.householdIncome());
        }
    }

    record Household(
            @NotNull @Min(1) @Max(20) Integer householdSize,

            @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2)
            BigDecimal householdIncome) {}

    @GetMapping
    PatientView patient(@PathVariable String patientId) {
        return PatientView.of(readable(patientId));
    }

    @GetMapping("/household")
    HouseholdView household(@PathVariable String patientId) {
        return HouseholdView.of(readable(patientId));
    }

    @PutMapping("/household")
    PatientView recordHousehold(@PathVariable String patientId, @Valid @RequestBody Household body) {
        Patient patient = readable(patientId);
        return PatientView.of(household.handle(patient, body.householdSize(), body.householdIncome()));
    }

    /** The patient, if one of the sites they are known at is the caller's (403 otherwise). */
    private Patient readable(String patientId) {
        Audit.patient(patientId);
        FindPatient.Found found = find.handle(patientId);
        String site = found.sites().stream()
                .filter(SiteAccess::canAccess)
                .findFirst()
                .orElse(found.patient().homeSiteId());
        SiteAccess.require(site);
        return found.patient();
    }
}
