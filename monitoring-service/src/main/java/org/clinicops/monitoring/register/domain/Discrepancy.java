package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.clinicops.events.ControlledSubstanceDiscrepancy;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something the register cannot account for, open until a clinician resolves it with a reason. Found
 * once: its id is derived from what it is about (the count entry, or the session and kind), so the
 * same finding twice is the same document. Raises controlled-substance-discrepancy (no patient
 * identity) when found.
 */
@Document("register_discrepancies")
@CompoundIndex(name = "site_open", def = "{'siteId': 1, 'status': 1}")
public class Discrepancy extends AggregateRoot {

    /** Open or resolved. */
    public enum Status {
        OPEN,
        RESOLVED
    }

    @Id
    private String id;

    @Version
    private @Nullable Long version;

    private String siteId;
    private Kind kind;
    private @Nullable String lotId;
    private @Nullable String entryId;
    private @Nullable String sessionId;
    private @Nullable String patientId;
    private BigDecimal expectedMg;
    private BigDecimal countedMg;
    private BigDecimal unaccountedMg;
    private Instant detectedAt;
    private Status status;
    private @Nullable String resolvedBy;
    private @Nullable Instant resolvedAt;
    private @Nullable String resolution;
    private @Nullable String adjustmentEntryId;

    Discrepancy(
            String id,
            String siteId,
            Kind kind,
            @Nullable String lotId,
            @Nullable String entryId,
            @Nullable String sessionId,
            @Nullable String patientId,
            BigDecimal expectedMg,
            BigDecimal countedMg,
            Instant detectedAt) {
        this.id = id;
        this.siteId = siteId;
        this.kind = kind;
        this.lotId = lotId;
        this.entryId = entryId;
        this.sessionId = sessionId;
        this.patientId = patientId;
        this.expectedMg = Quantities.mg(expectedMg);
        this.countedMg = Quantities.mg(countedMg);
        this.unaccountedMg = Quantities.mg(expectedMg.subtract(countedMg));
        this.detectedAt = detectedAt;
        this.status = Status.OPEN;
    }

    /** The id of the discrepancy a count entry found. */
    public static String idOfCount(String countEntryId) {
        return "dis_count_" + countEntryId;
    }

    /** The id of the discrepancy of a session of a kind. */
    public static String idOfSession(String sessionId, Kind kind) {
        return "dis_" + kind.name().toLowerCase(Locale.ROOT) + "_" + sessionId;
    }

    /** A count that differs from the balance it was compared with. */
    public static Discrepancy ofCount(Entry count, String eventId) {
        if (count.kind() != EntryKind.COUNT || count.expectedMg() == null) {
            throw new IllegalArgumentException("not a count: " + count.id());
        }
        Discrepancy d = new Discrepancy(
                idOfCount(count.id()),
                count.siteId(),
                Kind.COUNT_DIFFERENCE,
                count.lotId(),
                count.id(),
                null,
                null,
                count.expectedMg(),
                count.mg(),
                count.recordedAt());
        d.announce(eventId);
        return d;
    }

    /**
     * A session whose drawn drug is not accounted for: unreconciled after the deadline (expected the
     * drawn mg, found administered + wasted), or drawn and then held, cancelled or missed (expected
     * the drawn mg, found what was wasted).
     */
    public static Discrepancy ofSession(
            Kind kind,
            String siteId,
            SessionRef session,
            BigDecimal expectedMg,
            BigDecimal accountedMg,
            Instant at,
            String eventId) {
        if (kind == Kind.COUNT_DIFFERENCE) {
            throw new IllegalArgumentException("a count's discrepancy comes from its entry");
        }
        Discrepancy d = new Discrepancy(
                idOfSession(session.sessionId(), kind),
                siteId,
                kind,
                null,
                null,
                session.sessionId(),
                session.patientId(),
                expectedMg,
                accountedMg,
                at);
        d.announce(eventId);
        return d;
    }

    private void announce(String eventId) {
        raise(
                new ControlledSubstanceDiscrepancy(
                        id, siteId, kind, lotId, expectedMg, countedMg, unaccountedMg, detectedAt),
                eventId,
                detectedAt);
    }

    /**
     * Resolved by a clinician with a reason (kept here, never in an event). 409 when already resolved.
     *
     * @param adjustmentEntryId the entry that wrote a count's difference off, if one did
     */
    public void resolve(String clinician, String reason, @Nullable String adjustmentEntryId, Instant at) {
        if (status == Status.RESOLVED) {
            throw new ConflictException("discrepancy-resolved", "discrepancy " + id + " was resolved before");
        }
        String text = reason.strip();
        if (text.isEmpty() || text.length() > LotLedger.MAX_REASON_LENGTH) {
            throw new InvalidRequestException(
                    "reason", "is required, at most " + LotLedger.MAX_REASON_LENGTH + " characters");
        }
        status = Status.RESOLVED;
        resolvedBy = clinician;
        resolvedAt = at;
        resolution = text;
        this.adjustmentEntryId = adjustmentEntryId;
    }

    public String id() {
        return id;
    }

    public String siteId() {
        return siteId;
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable String lotId() {
        return lotId;
    }

    public @Nullable String entryId() {
        return entryId;
    }

    public @Nullable String sessionId() {
        return sessionId;
    }

    public @Nullable String patientId() {
        return patientId;
    }

    public BigDecimal expectedMg() {
        return expectedMg;
    }

    public BigDecimal countedMg() {
        return countedMg;
    }

    public BigDecimal unaccountedMg() {
        return unaccountedMg;
    }

    public Instant detectedAt() {
        return detectedAt;
    }

    public Status status() {
        return status;
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    public @Nullable String resolvedBy() {
        return resolvedBy;
    }

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable String resolution() {
        return resolution;
    }

    public @Nullable String adjustmentEntryId() {
        return adjustmentEntryId;
    }
}
