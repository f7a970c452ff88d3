package org.clinicops.intake.patients.application;

import java.time.Instant;
import org.clinicops.events.PayerType;

/** A consultation request as the patient records see it: who asked, where, when, how they pay. */
public record PatientRequest(
        String requestId, String patientId, String siteId, PayerType payerType, Instant requestedAt) {}
