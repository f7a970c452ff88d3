package org.clinicops.intake.screening.application;

import org.clinicops.events.PatientScreened.Eligibility;
import org.clinicops.intake.requests.domain.ConsultationRequest;

/** What screening counts ({@code clinic_intake_screenings_total}); labels are bounded. */
public interface ScreeningMetrics {

    /** A screening was recorded with this eligibility. */
    void screened(ConsultationRequest request, Eligibility eligibility);
}
