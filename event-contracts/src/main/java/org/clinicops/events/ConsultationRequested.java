package org.clinicops.events;

import java.time.Instant;

/**
 * A patient or referrer asked for a consultation. Carries no name, contact details or date of
 * birth: those stay in intake.
 */
public record ConsultationRequested(
        String requestId,
        String patientId,
        String siteId,
        Condition condition,
        ReferralSource referralSource,
        PayerType payerType,
        boolean urgent,
        Instant requestedAt)
        implements PatientEvent {}
