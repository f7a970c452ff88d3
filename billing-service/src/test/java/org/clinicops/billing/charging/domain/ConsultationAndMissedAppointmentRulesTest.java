package org.clinicops.billing.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicops.events.ConsultationCompleted.VisitLevel;
import org.clinicops.events.InfusionCancelled.Reason;
import org.junit.jupiter.api.Test;

class ConsultationAndMissedAppointmentRulesTest {

    private final ConsultationChargeRule consultation = new ConsultationChargeRule();
    private final MissedAppointmentFeeRule missed = new MissedAppointmentFeeRule();

    @Test
    void billsANewPatientsEvaluationByItsLevel() {
        assertThat(consultation.codeFor(true, VisitLevel.MODERATE)).isEqualTo(new ChargeItem("99204", 1));
        assertThat(consultation.codeFor(true, VisitLevel.HIGH)).isEqualTo(new ChargeItem("99205", 1));
    }

    @Test
    void billsAnEstablishedPatientsEvaluationByItsLevel() {
        assertThat(consultation.codeFor(false, VisitLevel.MODERATE)).isEqualTo(new ChargeItem("99214", 1));
        assertThat(consultation.codeFor(false, VisitLevel.HIGH)).isEqualTo(new ChargeItem("99215", 1));
    }

    @Test
    void aConsultationFromAnEarlierProducerIsANewPatientsModerateVisit() {
        assertThat(consultation.codeFor(null, null)).isEqualTo(new ChargeItem("99204", 1));
        assertThat(consultation.codeFor(false, null)).isEqualTo(new ChargeItem("99214", 1));
        assertThat(consultation.codeFor(null, VisitLevel.HIGH)).isEqualTo(new ChargeItem("99205", 1));
    }

    @Test
    void chargesTheNoShowFee() {
        assertThat(missed.noShow()).isEqualTo(new ChargeItem("NO-SHOW", 1));
    }

    @Test
    void chargesALateCancellationByThePatient() {
        assertThat(missed.cancellation(true, false, Reason.PATIENT_REQUEST)).contains(new ChargeItem("LATE-CANCEL", 1));
        assertThat(missed.cancellation(true, false, Reason.ILLNESS)).isPresent();
    }

    @Test
    void chargesNothingForATimelyCancellationAHoldOrAClinicCancellation() {
        assertThat(missed.cancellation(false, false, Reason.PATIENT_REQUEST)).isEmpty();
        assertThat(missed.cancellation(true, true, Reason.PATIENT_REQUEST)).isEmpty();
        assertThat(missed.cancellation(true, false, Reason.CLINIC_REQUEST)).isEmpty();
        assertThat(missed.cancellation(true, false, Reason.CLINICAL_HOLD)).isEmpty();
    }
}
