package org.clinicops.intake.patients.adapter.fhir;

import java.util.List;
import java.util.Set;
import org.clinicops.intake.patients.application.FindPatient;
import org.clinicops.intake.patients.application.FindPatient.PatientRecord;
import org.clinicops.intake.patients.domain.SubmittedIdentity;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /fhir/r4/Patient/{id}}: the patient as the reader's sites know them, like {@code GET
 * /api/patients/{id}} (a patient without a request at one of the reader's sites is 404). The logical
 * id is the pseudonymous patient id ({@link FhirParams#fhirId}). Name, contact details and birth date
 * only for the roles that read them through the API (INTAKE, CLINICIAN, ADMIN); for the others the
 * resource carries the id and a {@code REDACTED} security label.
 */
@RestController
@FhirApi
class FhirPatientController {

    /** The roles that see identity and contact details, as on {@code GET /api/patients/{id}}. */
    static final Set<Role> SEE_IDENTITY = Set.of(Role.ADMIN, Role.INTAKE, Role.CLINICIAN);

    private final FindPatient find;

    FhirPatientController(FindPatient find) {
        this.find = find;
    }

    @GetMapping(
            path = FhirOutcomes.BASE + "/Patient/{id}",
            produces = {FhirOutcomes.FHIR_JSON, "application/json"})
    Patient read(@PathVariable String id) {
        String patientId = FhirParams.id(id, "id");
        Audit.patient(patientId);
        Audit.object("Patient", patientId);
        StaffUser reader = SiteAccess.currentUser();
        PatientRecord record = find.handle(patientId, reader);
        Audit.site(record.identity().siteId());
        return toFhir(record, reader.roles().stream().anyMatch(SEE_IDENTITY::contains));
    }

    static Patient toFhir(PatientRecord record, boolean identity) {
        Patient patient = new Patient();
        patient.setId(FhirParams.fhirId(record.patientId()));
        patient.setActive(true);
        if (!identity) {
            patient.getMeta()
                    .addSecurity()
                    .setSystem("http://terminology.hl7.org/CodeSystem/v3-ObservationValue")
                    .setCode("REDACTED")
                    .setDisplay("redacted");
            return patient;
        }
        SubmittedIdentity who = record.identity();
        patient.addName().setFamily(who.lastName()).addGiven(who.firstName());
        patient.setBirthDateElement(new DateType(who.dateOfBirth().toString()));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(who.email());
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(who.phone());
        return patient;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FhirResourceType fhirPatient() {
            return new FhirResourceType(
                    "Patient", List.of(), Set.of(Role.INTAKE, Role.CLINICIAN, Role.NURSE, Role.BILLING));
        }
    }
}
