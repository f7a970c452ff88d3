package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session as the register knows it: where, whose, what its completion or stop said was given
 * and when it ended, or how it ended without an infusion (held, cancelled, missed). Written by
 * upserts of these fields only (a redelivered event sets the same values), so it needs no version.
 *
 * @param administeredMg the dose given, from session-completed or session-stopped
 * @param endedAt when the session ended (completed or stopped)
 * @param endedWithoutInfusion HELD, CANCELLED or NO_SHOW when scheduling said so
 * @param checkedAt when the unreconciled-session check looked at it after its deadline
 */
@Document("register_sessions")
@CompoundIndex(name = "due", def = "{'checkedAt': 1, 'endedAt': 1}")
public record RegisterSession(
        @Id String sessionId,
        String siteId,
        String patientId,
        @Nullable BigDecimal administeredMg,
        @Nullable Instant endedAt,
        @Nullable String endedWithoutInfusion,
        @Nullable Instant checkedAt) {

    public SessionRef ref() {
        return new SessionRef(sessionId, patientId);
    }
}
