package org.clinicops.monitoring.adverse.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.sessions.application.SessionGate;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Records an adverse event (raising adverse-event-reported) and, when it is serious, places a
 * clinical hold of its own right away. The hold is placed again, idempotently, when monitoring
 * consumes its own adverse-event-reported, so a crash between the two writes loses no hold. An
 * event is taken only for a session the {@link SessionGate} admits (known, of the patient named, at
 * a site of the caller, open for adverse events), and is recorded for the session's patient and
 * site, whatever the request says.
 */
@Service
public class ReportAdverseEvent {

    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final SessionGate gate;
    private final AdverseEventRepository events;
    private final PlaceClinicalHold placeHold;
    private final SafetyProperties safety;
    private final IdGenerator ids;
    private final Clock clock;

    ReportAdverseEvent(
            SessionGate gate,
            AdverseEventRepository events,
            PlaceClinicalHold placeHold,
            SafetyProperties safety,
            IdGenerator ids,
            Clock clock) {
        this.gate = gate;
        this.events = events;
        this.placeHold = placeHold;
        this.safety = safety;
        this.ids = ids;
        this.clock = clock;
    }

    public Reported handle(ReportAdverseEventCommand command) {
        var session =
                gate.admit(command.sessionId(), command.patientId(), command.siteId(), SessionWrite.ADVERSE_EVENT);
        Instant now = clock.instant();
        if (command.onsetAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidRequestException("onsetAt", "must not be in the future");
        }
        AdverseEvent event = AdverseEvent.report(
                ids.next("ae_"),
                session.patientId(),
                session.siteId(),
                session.sessionId(),
                command.category(),
                command.grade(),
                command.actionTaken(),
                command.outcome(),
                command.onsetAt(),
                safety.policy(),
                ids.eventId(),
                now);
        events.save(event);
        if (event.serious()) {
            // Placed here, or already by monitoring's reaction to the adverse-event-reported that the
            // save above published (its listener may win the race with this thread): either way the
            // hold is this event's. What handle() answers says only which of the two placed it.
            placeHold.handle(
                    new PlaceClinicalHoldCommand(event.patientId(), event.siteId(), event.id(), event.grade()));
        }
        return new Reported(event, event.serious());
    }

    /**
     * The stored event and whether it placed a clinical hold (a serious one always does, through this
     * request or through monitoring's reaction to its adverse-event-reported).
     */
    public record Reported(AdverseEvent event, boolean holdPlaced) {}
}
