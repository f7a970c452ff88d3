package org.clinicops.intake.screening.application;

import java.time.Clock;
import org.clinicops.intake.requests.application.ConsultationRequests;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.clinicops.intake.screening.domain.ScreeningAnswers;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.stereotype.Service;

/**
 * Records screening answers, scores them and decides eligibility: a 400 names every answer out of
 * its scale's range, a 409 refuses screening before the consultation's check-in; nothing is written
 * either way.
 */
@Service
public class ScreenPatient {

    private final ConsultationRequests requests;
    private final EligibilityPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;
    private final ScreeningMetrics metrics;

    ScreenPatient(
            ConsultationRequests requests,
            EligibilityPolicy policy,
            IdGenerator ids,
            Clock clock,
            ScreeningMetrics metrics) {
        this.requests = requests;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ConsultationRequest handle(String requestId, ScreeningAnswers answers) {
        ConsultationRequest request = requests.get(requestId);
        ScreeningResult result = policy.screen(request.condition(), answers);
        request.screen(result, ids.eventId(), clock.instant());
        ConsultationRequest saved = requests.save(request);
        metrics.screened(saved, result.eligibility());
        return saved;
    }
}
