package org.clinicops.monitoring.indicators.adapter.kafka;

import org.clinicops.events.ClinicEvent;
import org.clinicops.platform.inbox.InboundEvent;

/** What monitoring does with a consumed event besides recording it (e.g. placing a clinical hold). */
public interface EventReactions {

    void react(InboundEvent<ClinicEvent> event);
}
