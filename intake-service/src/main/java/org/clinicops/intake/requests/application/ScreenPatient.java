package org.clinicops.intake.requests.application;

import java.time.Clock;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.clinicops.intake.screening.domain.ScreeningAnswers;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/** Records screening answers, scores them and decides eligibility. */
@Service
public class ScreenPatient {

    private final ConsultationRequests requests;
    private final EligibilityPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;
    private final IntakeMetrics metrics;

    ScreenPatient(
            ConsultationRequests requests,
            EligibilityPolicy policy,
            IdGenerator ids,
            Clock clock,
            IntakeMetrics metrics) {
        this.requests = requests;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    public ConsultationRequest handle(String requestId, ScreeningAnswers answers) {
        ConsultationRequest request = requests.get(requestId);
        ScreeningResult result;
        try {
            result = policy.screen(request.condition(), answers);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "is invalid" : e.getMessage();
            String field = message.contains(" ") ? message.substring(0, message.indexOf(' ')) : "body";
            throw new InvalidRequestException(
                    field, message.substring(field.length()).strip());
        }
        request.screen(result, ids.eventId(), clock.instant());
        ConsultationRequest saved = requests.save(request);
        metrics.screened(saved, result.eligibility().name());
        return saved;
    }
}
