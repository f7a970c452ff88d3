package org.clinicops.monitoring.sessions.application;

import java.time.Duration;
import org.clinicops.monitoring.sessions.domain.SessionWritePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.monitoring.sessions.*}: when a session takes vitals and adverse events (see {@link
 * SessionWritePolicy}).
 *
 * @param opensBeforeStart a booked session takes them from this long before its start (check-in
 *     opens)
 * @param vitalsAfterEnd an ended session takes vitals for this long after it ended
 * @param adverseEventsAfterEnd an ended session takes adverse events for this long after it ended
 */
@ConfigurationProperties("clinic.monitoring.sessions")
public record SessionProperties(
        @DefaultValue("2h") Duration opensBeforeStart,
        @DefaultValue("2h") Duration vitalsAfterEnd,
        @DefaultValue("7d") Duration adverseEventsAfterEnd) {

    public SessionWritePolicy policy() {
        return new SessionWritePolicy(opensBeforeStart, vitalsAfterEnd, adverseEventsAfterEnd);
    }
}
