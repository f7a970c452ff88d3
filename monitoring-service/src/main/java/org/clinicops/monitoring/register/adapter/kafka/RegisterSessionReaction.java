package org.clinicops.monitoring.register.adapter.kafka;

import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.indicators.application.EventReactions;
import org.clinicops.monitoring.register.application.RegisterSessions;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds the register from scheduling's session events: the dose given (session-completed and
 * session-stopped carry {@code doseMg}, the milligrams actually given) and the sessions that ended
 * without an infusion (held, cancelled, missed), through the one listener that reads every topic.
 */
@Component
class RegisterSessionReaction implements EventReactions {

    static final String HANDLER = "register";

    private final EventInbox inbox;
    private final RegisterSessions sessions;

    RegisterSessionReaction(EventInbox inbox, RegisterSessions sessions) {
        this.inbox = inbox;
        this.sessions = sessions;
    }

    @Override
    public void react(InboundEvent<ClinicEvent> event) {
        ClinicEvent payload = event.payload();
        if (payload instanceof SessionCompleted e) {
            inbox.apply(
                    event,
                    HANDLER,
                    x -> sessions.ended(e.appointmentId(), e.siteId(), e.patientId(), e.doseMg(), e.completedAt()));
        } else if (payload instanceof SessionStopped e) {
            inbox.apply(
                    event,
                    HANDLER,
                    x -> sessions.ended(e.appointmentId(), e.siteId(), e.patientId(), e.doseMg(), e.stoppedAt()));
        } else if (payload instanceof InfusionCancelled e) {
            inbox.apply(
                    event,
                    HANDLER,
                    x -> sessions.endedWithoutInfusion(
                            e.appointmentId(),
                            e.siteId(),
                            e.patientId(),
                            e.onHold() ? Kind.DRAW_ON_HELD_SESSION : Kind.DRAW_ON_CANCELLED_SESSION,
                            e.onHold() ? "HELD" : "CANCELLED"));
        } else if (payload instanceof PatientNoShow e) {
            inbox.apply(
                    event,
                    HANDLER,
                    x -> sessions.endedWithoutInfusion(
                            e.appointmentId(), e.siteId(), e.patientId(), Kind.DRAW_ON_CANCELLED_SESSION, "NO_SHOW"));
        }
    }
}
