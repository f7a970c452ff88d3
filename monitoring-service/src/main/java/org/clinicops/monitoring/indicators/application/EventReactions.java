package org.clinicops.monitoring.indicators.application;

import org.clinicops.events.ClinicEvent;
import org.clinicops.platform.inbox.InboundEvent;

/**
 * What monitoring does with a consumed event besides recording it as a fact (e.g. placing a clinical
 * hold): the one listener that reads every clinic topic for the indicators hands each event to every
 * reaction, which a feature implements in its own adapter.
 */
public interface EventReactions {

    void react(InboundEvent<ClinicEvent> event);
}
