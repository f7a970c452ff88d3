package org.clinicops.intake.requests.application;

import java.time.Clock;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.springframework.stereotype.Service;

/** The patient withdraws an open request. */
@Service
public class WithdrawRequest {

    private final ConsultationRequests requests;
    private final Clock clock;

    WithdrawRequest(ConsultationRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    public ConsultationRequest handle(String requestId) {
        ConsultationRequest request = requests.get(requestId);
        request.withdraw(clock.instant());
        return requests.save(request);
    }
}
