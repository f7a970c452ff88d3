package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;

/** A past hold and who released it, with the clinician's reason (kept here, never in events). */
public record HoldRelease(
        String holdId,
        String adverseEventId,
        int grade,
        Instant placedAt,
        String clinicianId,
        String reason,
        Instant releasedAt) {}
