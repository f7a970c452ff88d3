package org.clinicops.monitoring.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Least privilege for monitoring. Vitals, alerts, adverse events and clinical holds are clinical
 * detail: only the nurses and clinicians who treat the patients reach them (OPERATOR sees the
 * aggregated indicators on {@code /actuator/prometheus} only, never a patient). Releasing a
 * clinical hold is a clinician's decision. The ketamine register is the care team's to write (a
 * clinician corrects and resolves) and an operator's to read and report on. Rebuilding the
 * projections is for ADMIN. Which site's
 * data a caller reaches is checked in the handlers and use cases with {@code SiteAccess}.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringAccessPolicy {

    private static final Role NURSE = Role.NURSE;
    private static final Role CLINICIAN = Role.CLINICIAN;

    @Bean
    ApiAccessPolicy apiAccessPolicy() {
        return ApiAccessPolicy.builder()
                // vitals and alerts: the care team of the site
                .allow(POST, "/api/sessions/{sessionId}/vitals", NURSE, CLINICIAN)
                .allow(GET, "/api/sessions/{sessionId}/vitals", NURSE, CLINICIAN)
                .allow(GET, "/api/alerts", NURSE, CLINICIAN)
                .allow(POST, "/api/alerts/{alertId}/acknowledge", NURSE, CLINICIAN)
                .allow(POST, "/api/alerts/{alertId}/close", NURSE, CLINICIAN)
                // adverse events: reported and read by the care team, never by operators or billing
                .allow(POST, "/api/adverse-events", NURSE, CLINICIAN)
                .allow(GET, "/api/adverse-events", NURSE, CLINICIAN)
                .allow(GET, "/api/adverse-events/{id}", NURSE, CLINICIAN)
                // clinical holds: the care team sees them, only a clinician releases one
                .allow(GET, "/api/patients/{patientId}/clinical-hold", NURSE, CLINICIAN)
                .allow(POST, "/api/patients/{patientId}/clinical-hold/release", CLINICIAN)
                // the controlled-substance register (issue 21): the care team of the site draws, wastes,
                // witnesses and counts; a clinician corrects entries and resolves discrepancies; operators
                // read the register and its reports; billing sees nothing
                .allow(POST, "/api/register/{siteId}/receipts", NURSE, CLINICIAN)
                .allow(POST, "/api/register/{siteId}/draws", NURSE, CLINICIAN)
                .allow(POST, "/api/register/{siteId}/wastes", NURSE, CLINICIAN)
                .allow(POST, "/api/register/{siteId}/counts", NURSE, CLINICIAN)
                .allow(POST, "/api/register/{siteId}/entries/{entryId}/reversal", CLINICIAN)
                .allow(POST, "/api/register/{siteId}/discrepancies/{discrepancyId}/resolve", CLINICIAN)
                .allow(GET, "/api/register/{siteId}/reports/**", Role.OPERATOR)
                .allow(GET, "/api/register/{siteId}", NURSE, CLINICIAN, Role.OPERATOR)
                .allow(GET, "/api/register/{siteId}/lots/{lotId}/entries", NURSE, CLINICIAN, Role.OPERATOR)
                .allow(GET, "/api/register/{siteId}/sessions/{sessionId}", NURSE, CLINICIAN, Role.OPERATOR)
                // FHIR R4 (issue 22): the same clinical detail for the same care team; metadata is open
                .open(GET, "/fhir/r4/metadata")
                .allow(GET, "/fhir/r4/Observation", NURSE, CLINICIAN)
                .allow(GET, "/fhir/r4/Observation/*", NURSE, CLINICIAN)
                .allow(GET, "/fhir/r4/AdverseEvent", NURSE, CLINICIAN)
                .allow(GET, "/fhir/r4/AdverseEvent/*", NURSE, CLINICIAN)
                .allow(GET, "/fhir/r4/Flag", NURSE, CLINICIAN)
                .allow(GET, "/fhir/r4/Flag/*", NURSE, CLINICIAN)
                // projections: wipes and re-reads every topic
                .allow(POST, "/api/admin/projections/rebuild", Role.ADMIN)
                // the nurse page and its forms
                .allow(GET, "/sessions/{sessionId}", NURSE, CLINICIAN)
                .allow(POST, "/sessions/{sessionId}/vitals", NURSE, CLINICIAN)
                .allow(POST, "/sessions/{sessionId}/adverse-events", NURSE, CLINICIAN)
                .allow(POST, "/sessions/{sessionId}/alerts/{alertId}/acknowledge", NURSE, CLINICIAN)
                .allow(POST, "/sessions/{sessionId}/alerts/{alertId}/close", NURSE, CLINICIAN)
                .allow(POST, "/sessions/{sessionId}/register/**", NURSE, CLINICIAN)
                // the register page: balances, today's entries, discrepancies, wastes awaiting a witness
                .allow(GET, "/register/{siteId}", NURSE, CLINICIAN, Role.OPERATOR)
                .allow(GET, "/register/{siteId}/reports/**", Role.OPERATOR)
                .allow(POST, "/register/{siteId}/witness/{requestId}/confirm", NURSE, CLINICIAN)
                .allow(POST, "/register/{siteId}/witness/{requestId}/decline", NURSE, CLINICIAN)
                .allow(POST, "/register/{siteId}/discrepancies/{discrepancyId}/resolve", CLINICIAN)
                .build();
    }
}
