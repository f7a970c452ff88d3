package org.clinicops.intake.requests.application;

import java.time.Clock;
import java.util.function.Consumer;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.change.ConcurrentChanges;
import org.clinicops.platform.inbox.AppliedEvent;
import org.springframework.stereotype.Service;

/**
 * Keeps a request's consultation as scheduling reports it: booked, checked in, completed. The events
 * may come in any order and more than once; the request keeps the furthest state, and keeps the
 * events it applied in its own inbox ({@code EventInbox.processInDocument}): an event is applied to
 * it once, in the same write as its change.
 */
@Service
public class ProgressConsultation {

    private final ConsultationRequests requests;
    private final Clock clock;

    ProgressConsultation(ConsultationRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Answers whether the event was new to the request (true also when the request is not ours). */
    public boolean scheduled(ConsultationScheduled event, AppliedEvent entry) {
        return update(
                event.requestId(),
                entry,
                r -> r.consultationScheduled(event.appointmentId(), event.startsAt(), clock.instant()));
    }

    public boolean checkedIn(ConsultationCheckedIn event, AppliedEvent entry) {
        return update(
                event.requestId(),
                entry,
                r -> r.consultationCheckedIn(event.appointmentId(), event.checkedInAt(), clock.instant()));
    }

    public boolean completed(ConsultationCompleted event, AppliedEvent entry) {
        return update(
                event.requestId(),
                entry,
                r -> r.consultationCompleted(
                        event.appointmentId(), event.startsAt(), event.completedAt(), clock.instant()));
    }

    private boolean update(String requestId, AppliedEvent entry, Consumer<ConsultationRequest> change) {
        return ConcurrentChanges.retry(
                ConcurrentChanges.CONSUMER_ATTEMPTS,
                "the consultation request",
                () -> requests.findById(requestId) // absent: not a request of ours
                        .map(request -> {
                            boolean applied = request.applyOnce(entry, () -> change.accept(request));
                            if (applied) {
                                requests.save(request);
                            }
                            return applied;
                        })
                        .orElse(true));
    }
}
