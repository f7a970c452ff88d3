package org.clinicops.events;

import java.time.Instant;

/**
 * A vitals alert was closed. An alert is open from its {@link VitalsAlertRaised} until this event;
 * scheduling's discharge check refuses a session with an open alert. The two events travel on
 * different topics, so a consumer may see the close before the raise and must remember it.
 *
 * @param alertId the {@link VitalsAlertRaised#alertId()} of the alert
 * @param sessionId the infusion session, i.e. the scheduling appointment id
 */
public record VitalsAlertClosed(String alertId, String sessionId, String patientId, String siteId, Instant closedAt)
        implements PatientEvent {}
