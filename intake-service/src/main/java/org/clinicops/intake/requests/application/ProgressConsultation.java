package org.clinicops.intake.requests.application;

import java.time.Clock;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Moves a request along when scheduling books or completes its consultation. */
@Service
public class ProgressConsultation {

    private static final int ATTEMPTS = 5;

    private final ConsultationRequests requests;
    private final Clock clock;

    ProgressConsultation(ConsultationRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    public void scheduled(ConsultationScheduled event) {
        update(
                event.requestId(),
                r -> r.consultationScheduled(event.appointmentId(), event.startsAt(), clock.instant()));
    }

    public void completed(ConsultationCompleted event) {
        update(event.requestId(), r -> r.consultationCompleted(clock.instant()));
    }

    private void update(
            String requestId,
            java.util.function.Consumer<org.clinicops.intake.requests.domain.ConsultationRequest> change) {
        for (int attempt = 1; ; attempt++) {
            var request = requests.findById(requestId);
            if (request.isEmpty()) {
                return; // not a request of ours
            }
            change.accept(request.get());
            try {
                requests.save(request.get());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
