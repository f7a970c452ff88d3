package org.clinicops.intake.patients.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.intake.patients.application.FindPatient;
import org.clinicops.intake.patients.application.FindPatient.PatientRecord;
import org.clinicops.intake.patients.application.RecordHousehold;
import org.clinicops.intake.patients.domain.SiteHousehold;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patient record (intake staff and clinicians) and the household figures billing needs for
 * financial assistance, as the reader's sites know them: a patient without a request at one of the
 * reader's sites is 404, and identity and household are only what was given at those sites.
 */
@RestController
@RequestMapping("/api/patients/{patientId}")
@Tag(name = "patients")
class PatientController {

    /** The longest patient id a path takes (the service makes ids of about 20 characters): longer is a 400. */
    static final int MAX_ID_LENGTH = 80;

    private final FindPatient find;
    private final RecordHousehold household;

    PatientController(FindPatient find, RecordHousehold household) {
        this.find = find;
        this.household = household;
    }

    /**
     * @param siteId the site whose request submitted the identity shown
     * @param sites the reader's sites where the patient has a request, newest first
     * @param householdSiteId the site that recorded the household shown, if any
     */
    record PatientView(
            String patientId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String email,
            String phone,
            String siteId,
            List<String> sites,
            String payerType,
            @Nullable Integer householdSize,
            @Nullable BigDecimal householdIncome,
            @Nullable String householdSiteId) {

        static PatientView of(PatientRecord p) {
            var identity = p.identity();
            SiteHousehold h = p.household();
            return new PatientView(
                    p.patientId(),
                    identity.firstName(),
                    identity.lastName(),
                    identity.dateOfBirth(),
                    identity.email(),
                    identity.phone(),
                    identity.siteId(),
                    p.sites(),
                    p.payerType().name(),
                    h == null ? null : h.size(),
                    h == null ? null : h.yearlyIncome(),
                    h == null ? null : h.siteId());
        }
    }

    /**
     * What billing may read: no name, contact details or date of birth.
     *
     * @param siteId the site that recorded the household; null when none of the reader's sites has
     */
    record HouseholdView(
            String patientId,
            @Nullable String siteId,
            String payerType,
            @Nullable Integer householdSize,
            @Nullable BigDecimal householdIncome) {}

    /**
     * @param siteId the site the patient applies at; needed only when the patient has requests at
     *     several of the recorder's sites
     */
    record Household(
            @NotNull @Min(1) @Max(20) Integer householdSize,

            @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2)
            BigDecimal householdIncome,

            @Nullable @Size(max = 40) String siteId) {}

    @Operation(summary = "Read a patient as the caller's sites know them (identity and contact details)")
    @GetMapping
    PatientView patient(@PathVariable @Size(max = MAX_ID_LENGTH) String patientId) {
        return PatientView.of(read(patientId));
    }

    /**
     * @param siteId the site whose household to show (one of the reader's); by default the newest
     *     recorded at any of them
     */
    @Operation(summary = "Read the household figures a site recorded (for financial assistance)")
    @GetMapping("/household")
    HouseholdView household(
            @PathVariable @Size(max = MAX_ID_LENGTH) String patientId,
            @RequestParam(required = false) @Nullable @Size(max = 40) String siteId) {
        PatientRecord p = read(patientId);
        SiteHousehold h = p.household();
        if (siteId != null) {
            SiteAccess.require(siteId);
            if (!p.sites().contains(siteId)) {
                throw new NotFoundException("patient", patientId);
            }
            h = find.household(patientId, siteId).orElse(null);
        }
        Audit.site(h == null ? p.identity().siteId() : h.siteId());
        return new HouseholdView(
                patientId,
                h == null ? null : h.siteId(),
                p.payerType().name(),
                h == null ? null : h.size(),
                h == null ? null : h.yearlyIncome());
    }

    @Operation(summary = "Record household size and income for one of the caller's sites")
    @PutMapping("/household")
    PatientView recordHousehold(
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = MAX_ID_LENGTH)) String patientId,
            @Valid @RequestBody Household body) {
        Audit.patient(bounded("patientId", patientId));
        String site =
                household.handle(patientId, reader(), body.siteId(), body.householdSize(), body.householdIncome());
        Audit.site(site);
        return PatientView.of(find.handle(patientId, reader()));
    }

    /** The patient as the reader's sites know them (404 when none does); recorded for the audit trail. */
    private PatientRecord read(String patientId) {
        Audit.patient(patientId);
        PatientRecord record = find.handle(patientId, reader());
        Audit.site(record.identity().siteId());
        return record;
    }

    private static StaffUser reader() {
        return SiteAccess.currentUser();
    }

    /**
     * Checks an id in the path of a handler that also validates a body: a {@code @Size} on the path
     * variable would turn on method validation for the whole handler, whose 400 then names the body
     * instead of the body's bad fields.
     */
    private static String bounded(String name, String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(name, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }
}
