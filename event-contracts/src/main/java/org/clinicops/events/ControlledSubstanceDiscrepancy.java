package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Monitoring's controlled-substance register found something it cannot account for at a site: a
 * daily count that differs from the running balance of a lot, a session still unreconciled (drawn ≠
 * administered + wasted) some hours after it ended, or ketamine drawn for a session that was then
 * put on hold, cancelled or missed. Each discrepancy stays open in monitoring until a clinician
 * resolves it with a reason (the reason never leaves monitoring).
 *
 * <p>It carries no patient identity (no patient or session id): it is keyed by site id, and what
 * an operator needs to act on is the site, the lot and the quantities (the lot's product, NDC and
 * lot number are in the register). The topic name is fixed by
 * the register's specification (issue 21), hence no past tense here.
 *
 * @param discrepancyId id of the discrepancy in monitoring's register
 * @param kind what was found
 * @param lotId the register's id of the lot concerned (counts); {@code null} for a session
 * @param expectedMg what the register says should be there: the lot's running balance (counts) or
 *     the mg drawn for the session (sessions)
 * @param countedMg what was found: the counted quantity (counts) or administered + wasted (sessions)
 * @param unaccountedMg expected − counted in milligrams: positive when drug is missing, negative for
 *     a surplus
 * @param detectedAt when the register found it
 */
public record ControlledSubstanceDiscrepancy(
        String discrepancyId,
        String siteId,
        Kind kind,
        @Nullable String lotId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedMg,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal countedMg,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unaccountedMg,
        Instant detectedAt)
        implements ClinicEvent {

    @Override
    public String key() {
        return siteId;
    }

    /** What the register found. */
    public enum Kind {
        /** A daily count of a lot differs from its running balance. */
        COUNT_DIFFERENCE,
        /** A session ended and is still not reconciled (drawn ≠ administered + wasted) after the deadline. */
        UNRECONCILED_SESSION,
        /** Drug was drawn for a session that was then put on clinical hold. */
        DRAW_ON_HELD_SESSION,
        /** Drug was drawn for a session that was then cancelled or missed (no-show). */
        DRAW_ON_CANCELLED_SESSION
    }
}
