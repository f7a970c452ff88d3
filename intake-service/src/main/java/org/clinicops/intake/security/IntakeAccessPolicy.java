package org.clinicops.intake.security;

import static org.clinicops.platform.security.Role.BILLING;
import static org.clinicops.platform.security.Role.CLINICIAN;
import static org.clinicops.platform.security.Role.INTAKE;
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
 *   <li>BILLING reads only a patient's household figures, never screenings or identity;
 *   <li>OPERATOR and NURSE reach nothing here: indicators come from the metrics, schedules from
 *       scheduling, and a nurse's chart from scheduling and monitoring.
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
                // POST /api/admin/patients/re-encrypt: no rule, so ADMIN only
                .build();
    }
}
