package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One clinical hold of a patient, active or released, as it is shown outside the service: where and
 * why it was placed (its adverse event and grade), never who released it or the release's reason.
 *
 * @param releasedAt when it was released; null while it is active
 */
public record HoldRecord(
        String holdId,
        String patientId,
        String siteId,
        String adverseEventId,
        int grade,
        Instant placedAt,
        @Nullable Instant releasedAt) {

    public boolean active() {
        return releasedAt == null;
    }

    /** When the hold last changed: its release, or its placing while active. */
    public Instant lastChanged() {
        return releasedAt == null ? placedAt : releasedAt;
    }
}
