package org.clinicops.intake.patients.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.clinicops.intake.patients.application.FindPatient;
import org.clinicops.intake.patients.application.FindPatient.PatientRecord;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names for the staff pages of other services (billing desk, day board, nurse page), fetched at
 * render time with the signed-in user's own token: for each id the reader may see (a request at one
 * of their sites), the name submitted there, and contact details for billing and admins only. Ids
 * the reader may not see are simply absent. Nothing of it is stored outside intake.
 */
@RestController
@Tag(name = "patients")
class PatientLookupController {

    /** The most ids one lookup takes: a page of another service is never longer. */
    static final int MAX_IDS = 100;

    /** The longest id the pattern admits: {@code p_} and 64 characters. */
    static final int MAX_ID_LENGTH = 66;

    private final FindPatient find;

    PatientLookupController(FindPatient find) {
        this.find = find;
    }

    /**
     * @param displayName first and last name as submitted at one of the reader's sites
     * @param email for BILLING and ADMIN only
     * @param phone for BILLING and ADMIN only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PatientName(
            String patientId,
            String displayName,
            @Nullable String email,
            @Nullable String phone) {}

    record PatientNames(List<PatientName> patients) {}

    @Operation(
            summary = "Look up patients' names for staff pages of other services (absent: not visible to the caller)")
    @GetMapping("/api/patients")
    PatientNames lookUp(
            @RequestParam @NotEmpty @Size(max = MAX_IDS)
                    List<
                                    @Pattern(
                                            regexp = "p_[A-Za-z0-9_-]{1,64}",
                                            message = "must be a patient id such as p_T7zLMq69")
                                    @Size(max = MAX_ID_LENGTH) String>
                            ids) {
        StaffUser reader = SiteAccess.currentUser();
        boolean contact = reader.hasAny(Role.BILLING, Role.ADMIN);
        List<PatientRecord> found = find.lookUp(ids, reader);
        Audit.patients(found.stream().map(PatientRecord::patientId).toList());
        return new PatientNames(found.stream()
                .map(p -> new PatientName(
                        p.patientId(),
                        p.identity().displayName(),
                        contact ? p.identity().email() : null,
                        contact ? p.identity().phone() : null))
                .toList());
    }
}
