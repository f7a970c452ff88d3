package org.clinicops.monitoring.sessions.adapter.kafka;

import org.clinicops.events.ClinicEvent;
import org.clinicops.monitoring.indicators.application.EventReactions;
import org.clinicops.monitoring.sessions.application.TrackInfusionSessions;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds the session read model from the infusion events of the one listener that consumes every
 * clinic topic (only events from scheduling get this far: the inbox refuses any other source). The
 * merge is idempotent by the session's own state (a repeat changes nothing and is not written), so
 * no {@code processed_events} entry is read or written: two store commands fewer per event.
 */
@Component
class InfusionSessionReaction implements EventReactions {

    private final EventInbox inbox;
    private final TrackInfusionSessions track;

    InfusionSessionReaction(EventInbox inbox, TrackInfusionSessions track) {
        this.inbox = inbox;
        this.track = track;
    }

    @Override
    public void react(InboundEvent<ClinicEvent> event) {
        if (TrackInfusionSessions.tracks(event.payload())) {
            inbox.applyOnce(event, e -> track.handle(e.payload()));
        }
    }
}
