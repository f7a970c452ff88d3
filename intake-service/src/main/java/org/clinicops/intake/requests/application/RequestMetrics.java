package org.clinicops.intake.requests.application;

import org.clinicops.intake.requests.domain.ConsultationRequest;

/** What the request use cases count ({@code clinic_intake_requests_total}); labels are bounded. */
public interface RequestMetrics {

    /** A consultation request was received. */
    void requested(ConsultationRequest request);
}
