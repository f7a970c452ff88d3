package org.clinicops.scheduling.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Least privilege for scheduling. Sites are reference data (no patient data): every signed-in role
 * reads them, only ADMIN and OPERATOR change them. Appointments and the waiting list hold
 * pseudonymous patient ids and times, no clinical detail: OPERATOR reads them (schedules are an
 * operator's business) but changes none. INTAKE reschedules and cancels consultations, CLINICIAN
 * consultations and infusions, NURSE runs the day (check-in, start, complete, no-show); which
 * appointment type a role may change is decided per appointment by {@code AppointmentAction}. BILLING
 * reaches nothing here but the sites: fees reach billing as events (session completed, no-show, late
 * cancellation), so it never needs the schedule. Which site a caller reaches is checked in the
 * handlers with {@code SiteAccess}. The FHIR API ({@code /fhir/r4}) is read by the same roles as the
 * API reads it mirrors; a {@code MedicationAdministration} (the dose given, clinical) only by NURSE and
 * CLINICIAN, who record it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingAccessPolicy {

    private static final Role OPERATOR = Role.OPERATOR;
    private static final Role INTAKE = Role.INTAKE;
    private static final Role CLINICIAN = Role.CLINICIAN;
    private static final Role NURSE = Role.NURSE;
    private static final Role BILLING = Role.BILLING;

    @Bean
    ApiAccessPolicy apiAccessPolicy() {
        return ApiAccessPolicy.builder()
                // free times of a day: whoever books, moves or runs appointments, and the operator
                .allow(GET, "/api/sites/{id}/availability", OPERATOR, INTAKE, CLINICIAN, NURSE)
                // sites: reference data for every role; changes for whoever runs the sites
                .allow(GET, "/api/sites", OPERATOR, INTAKE, CLINICIAN, NURSE, BILLING)
                .allow(GET, "/api/sites/{id}", OPERATOR, INTAKE, CLINICIAN, NURSE, BILLING)
                .allow(POST, "/api/sites", OPERATOR)
                .allow(PUT, "/api/sites/{id}/opening-hours", OPERATOR)
                .allow(PUT, "/api/sites/{id}/clinicians", OPERATOR)
                .allow(POST, "/api/sites/{id}/chairs", OPERATOR)
                .allow(PATCH, "/api/sites/{id}/chairs/{chairId}", OPERATOR)
                .allow(POST, "/api/sites/{id}/closures", OPERATOR)
                .allow(DELETE, "/api/sites/{id}/closures/{date}", OPERATOR)
                // appointments: read by the schedule's users, changed by the role owning the step
                .allow(GET, "/api/appointments", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/api/appointments/{id}", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(POST, "/api/appointments/{id}/reschedule", INTAKE, CLINICIAN)
                .allow(POST, "/api/appointments/{id}/cancel", INTAKE, CLINICIAN)
                .allow(POST, "/api/appointments/{id}/check-in", NURSE)
                .allow(POST, "/api/appointments/{id}/start", NURSE, CLINICIAN)
                .allow(POST, "/api/appointments/{id}/complete", NURSE, CLINICIAN)
                .allow(POST, "/api/appointments/{id}/stop", NURSE, CLINICIAN)
                .allow(POST, "/api/appointments/{id}/no-show", NURSE, CLINICIAN)
                // what waits for capacity: intake and clinicians work it, the operator watches it
                .allow(GET, "/api/waiting-list", OPERATOR, INTAKE, CLINICIAN)
                // FHIR R4 (read only): the same readers as the API reads above; doses for whoever records them
                .open(GET, "/fhir/r4/metadata")
                .allow(GET, "/fhir/r4/Location", OPERATOR, INTAKE, CLINICIAN, NURSE, BILLING)
                .allow(GET, "/fhir/r4/Location/*", OPERATOR, INTAKE, CLINICIAN, NURSE, BILLING)
                .allow(GET, "/fhir/r4/Schedule", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Schedule/*", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Slot", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Slot/*", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Appointment", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Appointment/*", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Encounter", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/Encounter/*", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/MedicationAdministration", CLINICIAN, NURSE)
                .allow(GET, "/fhir/r4/MedicationAdministration/*", CLINICIAN, NURSE)
                // the day board page
                .allow(GET, "/sites/{id}/board", OPERATOR, INTAKE, CLINICIAN, NURSE)
                .build();
    }
}
