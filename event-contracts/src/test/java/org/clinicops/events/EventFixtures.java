package org.clinicops.events;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One event of every type built in Java, independent of the sample files. Values differ from the
 * samples on purpose (other site, other patient, optional fields left null) so that the schemas are
 * checked against a second, differently shaped body.
 */
final class EventFixtures {

    static final String PATIENT = "p_Rt5vK2nQ8sDw";
    static final String SITE = "sfo";
    static final Instant T0 = Instant.parse("2026-04-06T16:00:00Z");

    private EventFixtures() {}

    /** An event of the given type. The switch has no default so that a new type must be added here. */
    static ClinicEvent of(EventType type) {
        return switch (type) {
            case SITE_UPDATED ->
                new SiteUpdated(
                        SITE,
                        "ClinicOps San Francisco Mission Bay",
                        "America/Los_Angeles",
                        "USD",
                        4,
                        List.of(
                                new SiteUpdated.Clinician("clin_5Hn7pR", SiteUpdated.ClinicianRole.PHYSICIAN),
                                new SiteUpdated.Clinician("clin_3Gx8mL", SiteUpdated.ClinicianRole.NURSE)),
                        true,
                        T0);
            case CONSULTATION_REQUESTED ->
                new ConsultationRequested(
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        Condition.SUICIDAL_IDEATION,
                        ReferralSource.THERAPIST,
                        PayerType.OUT_OF_NETWORK,
                        true,
                        T0);
            case CONSULTATION_SCHEDULED ->
                new ConsultationScheduled(
                        "apt_01JQ7Z4D1M",
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        "clin_5Hn7pR",
                        true,
                        T0,
                        at(Duration.ofHours(44)),
                        at(Duration.ofHours(45)),
                        at(Duration.ofMinutes(9)));
            case CONSULTATION_CHECKED_IN ->
                new ConsultationCheckedIn(
                        "apt_01JQ7Z4D1M", "req_01JQ7Z2B9K", PATIENT, SITE, null, at(Duration.ofMinutes(-6)));
            case CONSULTATION_COMPLETED ->
                new ConsultationCompleted(
                        "apt_01JQ7Z4D1M",
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        "clin_5Hn7pR",
                        T0,
                        at(Duration.ofMinutes(52)),
                        false,
                        ConsultationCompleted.VisitLevel.HIGH);
            case CONSULTATION_REQUEST_WITHDRAWN ->
                new ConsultationRequestWithdrawn("req_01JQ7Z2B9K", PATIENT, SITE, null, T0);
            case CONSULTATION_CANCELLED ->
                new ConsultationCancelled(
                        "apt_01JQ7Z4D1M",
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        null,
                        at(Duration.ofHours(20)),
                        ConsultationCancelled.Reason.PATIENT_REQUEST,
                        true,
                        T0);
            case CONSULTATION_NO_SHOW ->
                new ConsultationNoShow(
                        "apt_01JQ7Z4D1M",
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        "clin_5Hn7pR",
                        T0,
                        at(Duration.ofMinutes(31)));
            case PATIENT_SCREENED ->
                new PatientScreened(
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        Condition.PTSD,
                        22,
                        "SEVERE",
                        true,
                        null,
                        null,
                        54,
                        null,
                        false,
                        PatientScreened.Eligibility.NEEDS_REVIEW,
                        List.of("SELF_HARM_FLAG", "CONTRAINDICATION_HYPERTENSION_REVIEW"),
                        true,
                        T0);
            case TREATMENT_PLAN_APPROVED ->
                new TreatmentPlanApproved(
                        "plan_01JQ8A0C5T",
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        "clin_5Hn7pR",
                        Condition.CHRONIC_PAIN,
                        Protocol.PAIN_SERIES,
                        Route.IV_INFUSION,
                        5,
                        0,
                        1,
                        true,
                        240,
                        120,
                        new BigDecimal("0.5"),
                        new BigDecimal("36.0"),
                        true,
                        PayerType.OUT_OF_NETWORK,
                        true,
                        T0);
            case TREATMENT_DECLINED ->
                new TreatmentDeclined(
                        "req_01JQ7Z2B9K",
                        PATIENT,
                        SITE,
                        "clin_5Hn7pR",
                        TreatmentDeclined.Decision.DECLINED,
                        "PATIENT_CHOICE",
                        T0);
            case INFUSION_SCHEDULED ->
                new InfusionScheduled(
                        "apt_01JQ8B7E2W",
                        "plan_01JQ8A0C5T",
                        PATIENT,
                        SITE,
                        "sfo-chair-1",
                        1,
                        5,
                        Protocol.PAIN_SERIES,
                        at(Duration.ofDays(7)),
                        at(Duration.ofDays(7).plusHours(6)),
                        T0);
            case INFUSION_RESCHEDULED ->
                new InfusionRescheduled(
                        "apt_01JQ8B7E2W",
                        "plan_01JQ8A0C5T",
                        PATIENT,
                        SITE,
                        "sfo-chair-2",
                        1,
                        at(Duration.ofDays(7)),
                        at(Duration.ofDays(8)),
                        at(Duration.ofDays(8).plusHours(6)),
                        T0);
            case INFUSION_CANCELLED ->
                new InfusionCancelled(
                        "apt_01JQ8B7E2W",
                        "plan_01JQ8A0C5T",
                        PATIENT,
                        SITE,
                        3,
                        at(Duration.ofDays(3)),
                        InfusionCancelled.Reason.CLINICAL_HOLD,
                        false,
                        true,
                        T0);
            case PATIENT_NO_SHOW ->
                new PatientNoShow(
                        "apt_01JQ8B7E2W", "plan_01JQ8A0C5T", PATIENT, SITE, 2, T0, at(Duration.ofMinutes(30)));
            case SESSION_COMPLETED ->
                new SessionCompleted(
                        "apt_01JQ8B9F4Y",
                        "plan_01JQ8A0C6V",
                        PATIENT,
                        SITE,
                        "sfo-chair-4",
                        8,
                        8,
                        Protocol.ESKETAMINE_INDUCTION,
                        Route.NASAL,
                        new BigDecimal("84"),
                        0,
                        120,
                        null,
                        null,
                        true,
                        T0,
                        at(Duration.ofMinutes(135)));
            case SESSION_STOPPED ->
                new SessionStopped(
                        "apt_01JQ8B7E2W",
                        "plan_01JQ8A0C5T",
                        PATIENT,
                        SITE,
                        "sfo-chair-1",
                        3,
                        5,
                        Protocol.PAIN_SERIES,
                        Route.IV_INFUSION,
                        SessionStopped.Reason.TRANSFER,
                        new BigDecimal("0"),
                        0,
                        T0,
                        at(Duration.ofMinutes(4)));
            case VITALS_RECORDED ->
                new VitalsRecorded("vit_01JQ8C0G5Z", "apt_01JQ8B7E2W", PATIENT, SITE, T0, at(Duration.ofSeconds(2)));
            case VITALS_ALERT_RAISED ->
                new VitalsAlertRaised(
                        "alr_01JQ8C1H6A",
                        "apt_01JQ8B7E2W",
                        PATIENT,
                        SITE,
                        "SPO2_LOW",
                        null,
                        null,
                        88,
                        90,
                        null,
                        T0,
                        at(Duration.ofSeconds(3)));
            case VITALS_ALERT_CLOSED ->
                new VitalsAlertClosed("alr_01JQ8C1H6A", "apt_01JQ8B7E2W", PATIENT, SITE, at(Duration.ofMinutes(12)));
            case ADVERSE_EVENT_REPORTED ->
                new AdverseEventReported(
                        "ae_01JQ8C3K8C",
                        "apt_01JQ8B7E2W",
                        PATIENT,
                        SITE,
                        AdverseEventCategory.NAUSEA_VOMITING,
                        1,
                        false,
                        "MEDICATION_GIVEN",
                        "RESOLVED",
                        T0,
                        at(Duration.ofMinutes(20)));
            case CLINICAL_HOLD_PLACED ->
                new ClinicalHoldPlaced("hold_01JQ8C5M0E", PATIENT, SITE, "ae_01JQ8C3K9D", 4, T0);
            case CLINICAL_HOLD_RELEASED ->
                new ClinicalHoldReleased("hold_01JQ8C5M0E", PATIENT, SITE, "clin_5Hn7pR", T0, at(Duration.ofDays(6)));
            case INVOICE_ISSUED ->
                new InvoiceIssued(
                        "inv_01JQ8D2P3G",
                        PATIENT,
                        SITE,
                        PayerType.OUT_OF_NETWORK,
                        InvoiceIssued.Source.SESSION,
                        "apt_01JQ8B7E2W",
                        "USD",
                        List.of(
                                new InvoiceIssued.Line("96365", 1, new BigDecimal("350.00"), new BigDecimal("350.00")),
                                new InvoiceIssued.Line("96366", 3, new BigDecimal("150.00"), new BigDecimal("450.00")),
                                new InvoiceIssued.Line("J3490", 1, new BigDecimal("100.00"), new BigDecimal("100.00"))),
                        new BigDecimal("900.00"),
                        new BigDecimal("180.00"),
                        new BigDecimal("720.00"),
                        new BigDecimal("720.00"),
                        true,
                        T0);
            case PAYMENT_RECEIVED ->
                new PaymentReceived(
                        "pay_01JQ8D4R5J",
                        "inv_01JQ8D2P3G",
                        PATIENT,
                        SITE,
                        PaymentReceived.Kind.REFUND,
                        PaymentReceived.Method.CARD,
                        new BigDecimal("50.00"),
                        "USD",
                        new BigDecimal("0.00"),
                        T0);
            case INVOICE_VOIDED ->
                new InvoiceVoided(
                        "inv_01JQ8D6T7L",
                        PATIENT,
                        SITE,
                        InvoiceIssued.Source.MANUAL,
                        null,
                        "USD",
                        new BigDecimal("120.50"),
                        new BigDecimal("0.00"),
                        T0);
            case INVOICE_ADJUSTED ->
                new InvoiceAdjusted(
                        "inv_01JQ8D2P3G",
                        PATIENT,
                        SITE,
                        InvoiceIssued.Source.SESSION,
                        "apt_01JQ8B7E2W",
                        InvoiceAdjusted.Reason.SERIES_PACKAGE,
                        "USD",
                        new BigDecimal("900.00"),
                        new BigDecimal("900.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("720.00"),
                        true,
                        true,
                        at(Duration.ofDays(2)));
            case CONTROLLED_SUBSTANCE_DISCREPANCY ->
                new ControlledSubstanceDiscrepancy(
                        "dis_01JQ8F3K2M",
                        SITE,
                        ControlledSubstanceDiscrepancy.Kind.UNRECONCILED_SESSION,
                        null,
                        new BigDecimal("38.500"),
                        new BigDecimal("35.000"),
                        new BigDecimal("3.500"),
                        at(Duration.ofHours(12)));
        };
    }

    private static Instant at(Duration afterT0) {
        return T0.plus(afterT0);
    }
}
