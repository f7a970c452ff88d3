package org.clinicops.intake.requests.application;

import java.time.Clock;
import java.util.function.Consumer;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Keeps a request's consultation as scheduling reports it: booked, checked in, completed. The events
 * may come in any order and more than once; the request keeps the furthest state.
 */
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

    public void checkedIn(ConsultationCheckedIn event) {
        update(
                event.requestId(),
                r -> r.consultationCheckedIn(event.appointmentId(), event.checkedInAt(), clock.instant()));
    }

    public void completed(ConsultationCompleted event) {
        update(
                event.requestId(),
                r -> r.consultationCompleted(
                        event.appointmentId(), event.startsAt(), event.completedAt(), clock.instant()));
    }

    private void update(String requestId, Consumer<ConsultationRequest> change) {
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
