package org.clinicops.intake.plans.application;

import java.time.Duration;
import org.clinicops.intake.requests.domain.ConsultationRequest;

/** What the decision to treat measures ({@code clinic_intake_request_to_decision_seconds}); labels are bounded. */
public interface DecisionMetrics {

    /** The request was decided ({@code outcome}: its status) this long after it was made. */
    void decided(ConsultationRequest request, String outcome, Duration sinceRequest);
}
