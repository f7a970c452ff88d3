package org.clinicops.events;

/** An event about one patient, keyed by the pseudonymous patient id. */
public sealed interface PatientEvent extends ClinicEvent
        permits ConsultationRequested,
                ConsultationScheduled,
                ConsultationCheckedIn,
                ConsultationCompleted,
                ConsultationRequestWithdrawn,
                ConsultationCancelled,
                ConsultationNoShow,
                PatientScreened,
                TreatmentPlanApproved,
                TreatmentDeclined,
                InfusionScheduled,
                InfusionRescheduled,
                InfusionCancelled,
                PatientNoShow,
                SessionCompleted,
                SessionStopped,
                VitalsRecorded,
                VitalsAlertRaised,
                VitalsAlertClosed,
                AdverseEventReported,
                ClinicalHoldPlaced,
                ClinicalHoldReleased,
                InvoiceIssued,
                PaymentReceived,
                InvoiceVoided,
                InvoiceAdjusted {

    /** Pseudonymous patient id assigned by intake, for example {@code p_7Hq2…}. */
    String patientId();

    @Override
    default String key() {
        return patientId();
    }
}
