package org.clinicops.monitoring.adverse.adapter.kafka;

import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.monitoring.adverse.application.PlaceClinicalHold;
import org.clinicops.monitoring.adverse.application.PlaceClinicalHoldCommand;
import org.clinicops.monitoring.adverse.application.SafetyProperties;
import org.clinicops.monitoring.indicators.application.EventReactions;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.inbox.InboundEvent;
import org.springframework.stereotype.Component;

/**
 * Places the clinical hold of a serious adverse-event-reported once more from the event itself: if
 * the reporting request crashed after storing the event, the hold still comes.
 */
@Component
class ClinicalHoldReaction implements EventReactions {

    private final EventInbox inbox;
    private final PlaceClinicalHold placeHold;
    private final SafetyProperties safety;

    ClinicalHoldReaction(EventInbox inbox, PlaceClinicalHold placeHold, SafetyProperties safety) {
        this.inbox = inbox;
        this.placeHold = placeHold;
        this.safety = safety;
    }

    @Override
    public void react(InboundEvent<ClinicEvent> event) {
        if (event.payload() instanceof AdverseEventReported reported
                && (reported.serious() || safety.policy().serious(reported.grade()))) {
            inbox.apply(
                    event,
                    "clinical-hold",
                    e -> placeHold.handle(new PlaceClinicalHoldCommand(
                            reported.patientId(), reported.siteId(), reported.adverseEventId(), reported.grade())));
        }
    }
}
