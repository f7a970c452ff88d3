package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What monitoring has told scheduling about one session's safety: when its latest vitals reading
 * was taken and which of its vitals alerts are open (raised and not closed).
 *
 * @param lastVitalsAt when the latest reading was taken at the chair; null when none was recorded
 * @param openAlertIds the alerts raised and not yet closed
 */
public record SessionSafety(@Nullable Instant lastVitalsAt, Set<String> openAlertIds) {

    /** Nothing known: no reading, no alert. */
    public static final SessionSafety NOTHING_RECORDED = new SessionSafety(null, Set.of());

    public SessionSafety {
        openAlertIds = Set.copyOf(openAlertIds);
    }
}
