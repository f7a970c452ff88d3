package org.clinicops.billing.security;

import static org.clinicops.platform.security.Role.ADMIN;
import static org.clinicops.platform.security.Role.BILLING;
import static org.clinicops.platform.security.Role.OPERATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.clinicops.platform.security.ApiAccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Least privilege for billing. BILLING works invoices, payments, refunds, plans, assistance,
 * packages and superbills of their own sites, through the API and the staff desk. Prices (fee
 * schedules) and the sliding scale are site settings: BILLING and OPERATOR read them, ADMIN and
 * OPERATOR change them through the API, so whoever takes payments does not also set prices. OPERATOR
 * reaches no patient's invoices, account or superbill: they carry service codes and diagnoses
 * (clinical detail); billing figures reach operations as metrics. NURSE, CLINICIAN and INTAKE reach
 * nothing here. Every endpoint is listed one by one, so one added later is ADMIN's until it is
 * listed. Which site's data a user reaches is checked in the handlers ({@code SiteAccess}).
 */
@Configuration
class BillingAccessPolicy {

    @Bean
    ApiAccessPolicy apiAccessPolicy() {
        return ApiAccessPolicy.builder()
                // site settings
                .allow(GET, "/api/sites/{siteId}/fee-schedule", BILLING, OPERATOR)
                .allow(PUT, "/api/sites/{siteId}/fee-schedule", OPERATOR)
                .allow(GET, "/api/sites/{siteId}/assistance-policy", BILLING, OPERATOR)
                .allow(PUT, "/api/sites/{siteId}/assistance-policy", OPERATOR)
                // invoices
                .allow(GET, "/api/invoices", BILLING)
                .allow(POST, "/api/invoices", BILLING)
                .allow(GET, "/api/invoices/{id}", BILLING)
                .allow(POST, "/api/invoices/{id}/issue", BILLING)
                .allow(POST, "/api/invoices/{id}/payments", BILLING)
                .allow(POST, "/api/invoices/{id}/refunds", BILLING)
                .allow(POST, "/api/invoices/{id}/void", BILLING)
                .allow(POST, "/api/invoices/{id}/payment-plan", BILLING)
                .allow(POST, "/api/invoices/{id}/assistance", BILLING)
                .allow(POST, "/api/invoices/{id}/series-package", BILLING)
                // a patient's financial records
                .allow(GET, "/api/patients/{patientId}/account", BILLING)
                .allow(GET, "/api/patients/{patientId}/superbill", BILLING)
                .allow(GET, "/api/patients/{patientId}/assistance-decisions", BILLING)
                .allow(POST, "/api/patients/{patientId}/assistance-decisions", BILLING)
                .allow(GET, "/api/patients/{patientId}/series-packages", BILLING)
                .allow(POST, "/api/patients/{patientId}/series-packages", BILLING)
                // FHIR R4 (issue 22): the same financial records for the same role; metadata is open
                .open(GET, "/fhir/r4/metadata")
                .allow(GET, "/fhir/r4/Account", BILLING)
                .allow(GET, "/fhir/r4/Account/*", BILLING)
                .allow(GET, "/fhir/r4/ChargeItem", BILLING)
                .allow(GET, "/fhir/r4/ChargeItem/*", BILLING)
                .allow(GET, "/fhir/r4/Invoice", BILLING)
                .allow(GET, "/fhir/r4/Invoice/*", BILLING)
                // the staff desk (pages)
                .open(GET, "/desk.css")
                .allow(GET, "/", BILLING)
                .allow(GET, "/invoices/{id}", BILLING)
                .allow(POST, "/invoices/{id}/payments", BILLING)
                .allow(POST, "/invoices/{id}/refunds", BILLING)
                .allow(POST, "/invoices/{id}/void", BILLING)
                .allow(POST, "/invoices/{id}/assistance", BILLING)
                .allow(GET, "/patients/{patientId}", BILLING)
                .allow(GET, "/patients/{patientId}/superbill", BILLING)
                .allow(GET, "/sites/{siteId}/fee-schedule", BILLING)
                .allow(POST, "/sites/{siteId}/fee-schedule", ADMIN)
                .build();
    }
}
