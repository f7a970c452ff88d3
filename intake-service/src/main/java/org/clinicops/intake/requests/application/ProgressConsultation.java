package org.clinicops.intake.requests.application;

import java.time.Clock;
import java.util.function.Consumer;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.change.ConcurrentChanges;
import org.springframework.stereotype.Service;

/**
 * Keeps a request's consultation as scheduling reports it: booked, checked in, completed. The events
 * may come in any order and more than once; the request keeps the furthest state.
 */
@Service
public class ProgressConsultation {

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
        ConcurrentChanges.retry(
                ConcurrentChanges.CONSUMER_ATTEMPTS,
                "the consultation request",
                () -> requests.findById(requestId) // absent: not a request of ours
                        .ifPresent(request -> {
                            change.accept(request);
                            requests.save(request);
                        }));
    }
}
