package org.clinicops.intake.security;

import static org.clinicops.platform.security.Role.BILLING;
import static org.clinicops.platform.security.Role.CLINICIAN;
import static org.clinicops.platform.security.Role.INTAKE;
import static org.clinicops.platform.security.Role.NURSE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.clinicops.platform.security.ApiAccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Intake's roles per endpoint (least privilege; the first matching rule decides, ADMIN passes all,
 * anything unnamed is ADMIN only):
 *
 * <ul>
 *   <li>the public consultation request form takes no token;
 *   <li>INTAKE works requests and patients' contact records and enters screenings;
 *   <li>CLINICIAN reads screenings in full and decides; reads the patient to know who they see;
 *   <li>BILLING reads a patient's household figures, and names with contact details through the
 *       lookup for its pages, never screenings;
 *   <li>NURSE reads only names through the lookup (who is in the chair), nothing else here;
 *   <li>FHIR ({@code /fhir/r4}): Patient for the roles that read patients (identity only for
 *       INTAKE and CLINICIAN), screenings and plans for CLINICIAN; the CapabilityStatement is open;
 *   <li>FHIR bulk export ({@code $export}, its status and files): OPERATOR and ADMIN, by rules
 *       platform-support puts ahead of these;
 *   <li>OPERATOR reaches nothing else here: indicators come from the metrics, schedules from scheduling.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class IntakeAccessPolicy {

    @Bean
    ApiAccessPolicy apiAccessPolicy() {
        return ApiAccessPolicy.builder()
                .open(POST, "/api/consultation-requests")
                .allow(GET, "/api/consultation-requests", INTAKE, CLINICIAN)
                .allow(GET, "/api/consultation-requests/{id}/screening", CLINICIAN)
                .allow(GET, "/api/consultation-requests/{id}", INTAKE, CLINICIAN)
                .allow(POST, "/api/consultation-requests/{id}/screening", INTAKE, CLINICIAN)
                .allow(POST, "/api/consultation-requests/{id}/decision", CLINICIAN)
                .allow(POST, "/api/consultation-requests/{id}/withdraw", INTAKE)
                .allow(GET, "/api/patients/{patientId}/household", INTAKE, BILLING)
                .allow(PUT, "/api/patients/{patientId}/household", INTAKE)
                .allow(GET, "/api/patients/{patientId}", INTAKE, CLINICIAN)
                .allow(GET, "/api/patients", INTAKE, CLINICIAN, NURSE, BILLING)
                // FHIR R4 (read only): the roles that read the same data through /api
                .open(GET, "/fhir/r4/metadata")
                .allow(GET, "/fhir/r4/Patient/**", INTAKE, CLINICIAN, NURSE, BILLING)
                .allow(GET, "/fhir/r4/QuestionnaireResponse/**", CLINICIAN)
                .allow(GET, "/fhir/r4/QuestionnaireResponse", CLINICIAN)
                .allow(GET, "/fhir/r4/Observation/**", CLINICIAN)
                .allow(GET, "/fhir/r4/Observation", CLINICIAN)
                .allow(GET, "/fhir/r4/CarePlan/**", CLINICIAN)
                .allow(GET, "/fhir/r4/CarePlan", CLINICIAN)
                // POST /api/admin/patients/re-encrypt: no rule, so ADMIN only
                .build();
    }
}
