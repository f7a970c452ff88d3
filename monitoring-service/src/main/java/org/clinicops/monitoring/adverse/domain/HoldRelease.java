package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A released hold and who released it, with the clinician's reason (kept here, never in events).
 *
 * @param siteId where the hold was placed; null for releases recorded before holds kept their site
 */
public record HoldRelease(
        String holdId,
        String adverseEventId,
        int grade,
        Instant placedAt,
        String clinicianId,
        String reason,
        Instant releasedAt,
        @Nullable String siteId) {}
