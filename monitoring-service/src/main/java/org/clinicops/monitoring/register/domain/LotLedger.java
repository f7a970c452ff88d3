package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One lot at one site and its running balance. Every change of stock goes through one of its
 * intention-revealing methods, and all of them through {@link #append}, the one place where the
 * balance changes: the new balance is the old one plus the entry's change, never below zero, and
 * the entry takes the next number of the lot. The balance is therefore always received − drawn −
 * wasted from stock ± adjustments + reversals, the sum of the changes of the lot's entries.
 *
 * <p>The stored document is a snapshot: the entries are the record. A snapshot older than the
 * entries (a crash between writing an entry and the snapshot) is brought forward with {@link
 * #replay} before anything else is appended.
 */
@Document("register_lots")
@CompoundIndex(name = "site_lot", def = "{'siteId': 1, 'ndc': 1, 'lotNumber': 1}", unique = true)
public class LotLedger {

    /** The most characters of a reason. */
    public static final int MAX_REASON_LENGTH = 500;

    @Id
    private String lotId;

    private String siteId;
    private Product product;
    private String ndc;
    private String lotNumber;
    private LocalDate expiresOn;
    private @Nullable BigDecimal concentrationMgPerMl;
    private @Nullable BigDecimal volumeMlPerUnit;
    private BigDecimal mgPerUnit;
    private Instant openedAt;
    private long seq;
    private BigDecimal balanceMg;
    private BigDecimal receivedMg;
    private int unitsReceived;
    private List<Long> reversedSeqs = new ArrayList<>();
    private @Nullable Instant lastCountedAt;
    private @Nullable BigDecimal lastCountedMg;

    /** For the mapping: every field is read from the stored document. */
    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    LotLedger() {
        this.lotId = "";
        this.siteId = "";
        this.product = Product.KETAMINE_HCL;
        this.ndc = "";
        this.lotNumber = "";
        this.expiresOn = LocalDate.MIN;
        this.mgPerUnit = BigDecimal.ONE;
        this.openedAt = Instant.EPOCH;
        this.balanceMg = Quantities.ZERO;
        this.receivedMg = Quantities.ZERO;
    }

    LotLedger(String lotId, String siteId, LotDescription description, Instant openedAt) {
        this.lotId = lotId;
        this.siteId = siteId;
        this.product = description.product();
        this.ndc = description.ndc();
        this.lotNumber = description.lotNumber();
        this.expiresOn = description.expiresOn();
        this.concentrationMgPerMl = description.concentrationMgPerMl();
        this.volumeMlPerUnit = description.volumeMlPerUnit();
        this.mgPerUnit = description.mgPerUnit();
        this.openedAt = openedAt;
        this.seq = 0;
        this.balanceMg = Quantities.ZERO;
        this.receivedMg = Quantities.ZERO;
    }

    /** A lot first received at a site: no entry yet, balance 0. */
    public static LotLedger open(String lotId, String siteId, LotDescription description, Instant at) {
        return new LotLedger(lotId, siteId, description, at);
    }

    // ---- what staff and sessions do -------------------------------------------------------------

    /** Stock received: {@code units} vials or devices. */
    public Entry receive(int units, String supplier, String invoiceRef, String by, Instant at) {
        if (units < 1 || units > Quantities.MAX_UNITS) {
            throw new InvalidRequestException("units", "must be 1 to " + Quantities.MAX_UNITS);
        }
        BigDecimal mg = mgPerUnit.multiply(BigDecimal.valueOf(units));
        return append(new Line(EntryKind.RECEIPT, mg, mg, by, at).units(units).supplier(supplier, invoiceRef));
    }

    /**
     * Drug drawn for a session. Refused for an expired lot (409 {@code lot-expired}) and beyond the
     * balance (409 {@code insufficient-balance}).
     *
     * @param today the site's date at {@code at}
     */
    public Entry draw(SessionRef session, BigDecimal mg, LocalDate today, String by, Instant at) {
        if (description().expiredOn(today)) {
            throw new ConflictException(
                    "lot-expired",
                    "lot " + lotNumber + " expired on " + expiresOn + ": expired stock is never drawn from",
                    Map.of("lotId", lotId, "expiresOn", expiresOn.toString()));
        }
        return append(new Line(EntryKind.DRAW, mg, mg.negate(), by, at).session(session));
    }

    /** What the session's completion or stop says was given, out of what was drawn: no change of stock. */
    public Entry administer(SessionRef session, BigDecimal mg, String by, Instant at) {
        return append(new Line(EntryKind.ADMINISTERED, mg, Quantities.ZERO, by, at).session(session));
    }

    /**
     * Drawn for the session and not given, confirmed by a witness: no change of stock (it left with
     * the draw). How much a session may waste is {@link SessionAccount#checkWaste}'s to say.
     */
    public Entry waste(
            SessionRef session, BigDecimal mg, String witness, @Nullable String reason, String by, Instant at) {
        return append(new Line(EntryKind.WASTE, mg, Quantities.ZERO, by, at)
                .session(session)
                .witness(witness, by)
                .reason(reason, false));
    }

    /** Wasted straight from stock (a broken vial), witnessed, with a reason: out of the balance. */
    public Entry wasteFromStock(BigDecimal mg, String witness, @Nullable String reason, String by, Instant at) {
        return append(new Line(EntryKind.STOCK_WASTE, mg, mg.negate(), by, at)
                .witness(witness, by)
                .reason(reason, true));
    }

    /** The counted quantity at close: no change; the entry keeps the balance it was compared with. */
    public Entry count(BigDecimal countedMg, String by, Instant at) {
        Entry entry = append(new Line(EntryKind.COUNT, countedMg, Quantities.ZERO, by, at).expected(balanceMg));
        lastCountedAt = at;
        lastCountedMg = countedMg;
        return entry;
    }

    /**
     * A count's difference written off when a clinician resolves its discrepancy: the balance moves by
     * {@code changeMg} (negative for a loss).
     */
    public Entry adjust(BigDecimal changeMg, String discrepancyId, String reason, String by, Instant at) {
        if (changeMg.abs().compareTo(Quantities.MAX_ENTRY_MG) > 0) {
            throw new InvalidRequestException("changeMg", "an adjustment moves at most 10000 mg");
        }
        return append(new Line(EntryKind.ADJUSTMENT, changeMg.abs(), changeMg, by, at)
                .discrepancy(discrepancyId)
                .reason(reason, true));
    }

    /**
     * Cancels an earlier entry of this lot: the opposite of its change, with a reason. An entry is
     * reversed at most once; counts, adjustments and reversals are not reversed (409).
     */
    public Entry reverse(Entry original, String reason, String by, Instant at) {
        if (!original.lotId().equals(lotId)) {
            throw new IllegalArgumentException("entry " + original.id() + " is not of lot " + lotId);
        }
        if (!original.kind().reversible()) {
            throw new ConflictException(
                    "entry-not-reversible",
                    "a " + original.kind() + " entry is not reversed; record a new count instead");
        }
        if (reversedSeqs.contains(original.seq())) {
            throw new ConflictException("entry-already-reversed", "entry " + original.id() + " was reversed before");
        }
        Entry reversal = append(new Line(
                        EntryKind.REVERSAL,
                        original.changeMg().abs(),
                        original.changeMg().negate(),
                        by,
                        at)
                .reverses(original)
                .reason(reason, true));
        return reversal;
    }

    /** Brings the snapshot forward over an entry already written (numbered {@code seq + 1}). */
    public void replay(Entry entry) {
        if (entry.seq() != seq + 1 || !entry.lotId().equals(lotId)) {
            throw new IllegalStateException("entry " + entry.id() + " does not follow " + Entry.idOf(lotId, seq));
        }
        apply(entry);
    }

    // ---- the invariant ----------------------------------------------------------------------------

    /** The one place the balance changes. */
    private Entry append(Line line) {
        BigDecimal after = balanceMg.add(line.changeMg);
        if (after.signum() < 0) {
            throw new ConflictException(
                    "insufficient-balance",
                    "lot " + lotNumber + " holds " + balanceMg.toPlainString() + " mg; "
                            + line.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of "
                            + line.mg.toPlainString() + " mg refused",
                    Map.of("lotId", lotId, "balanceMg", balanceMg.toPlainString()));
        }
        long next = seq + 1;
        Entry entry = new Entry(
                Entry.idOf(lotId, next),
                siteId,
                lotId,
                next,
                line.kind,
                Quantities.mg(line.mg),
                Quantities.mg(line.changeMg),
                Quantities.mg(after),
                line.units,
                line.session == null ? null : line.session.sessionId(),
                line.session == null ? null : line.session.patientId(),
                line.witness,
                line.reason,
                line.supplier,
                line.invoiceRef,
                line.expectedMg,
                line.reversesSeq,
                line.discrepancyId,
                line.by,
                line.at);
        apply(entry);
        return entry;
    }

    private void apply(Entry entry) {
        balanceMg = Quantities.mg(balanceMg.add(entry.changeMg()));
        seq = entry.seq();
        if (entry.kind() == EntryKind.RECEIPT) {
            receivedMg = receivedMg.add(entry.mg());
            unitsReceived += entry.units() == null ? 0 : entry.units();
        }
        if (entry.kind() == EntryKind.REVERSAL && entry.reversesSeq() != null) {
            reversedSeqs.add(entry.reversesSeq());
            if (entry.changeMg().signum() < 0 && isReceiptReversal(entry)) {
                receivedMg = receivedMg.add(entry.changeMg());
            }
        }
        if (entry.kind() == EntryKind.COUNT) {
            lastCountedAt = entry.recordedAt();
            lastCountedMg = entry.mg();
        }
    }

    private static boolean isReceiptReversal(Entry reversal) {
        return reversal.units() != null;
    }

    // ---- reading ------------------------------------------------------------------------------------

    public String lotId() {
        return lotId;
    }

    public String siteId() {
        return siteId;
    }

    public LotDescription description() {
        return new LotDescription(product, ndc, lotNumber, expiresOn, concentrationMgPerMl, volumeMlPerUnit, mgPerUnit);
    }

    public long seq() {
        return seq;
    }

    public BigDecimal balanceMg() {
        return balanceMg;
    }

    /** Units on hand: the balance in vials or devices, to two decimals (an opened vial counts in part). */
    public BigDecimal unitsOnHand() {
        return balanceMg.divide(mgPerUnit, 2, RoundingMode.DOWN);
    }

    public BigDecimal receivedMg() {
        return receivedMg;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public @Nullable Instant lastCountedAt() {
        return lastCountedAt;
    }

    public @Nullable BigDecimal lastCountedMg() {
        return lastCountedMg;
    }

    public boolean reversed(long entrySeq) {
        return reversedSeqs.contains(entrySeq);
    }

    /** The fields of an entry being appended. */
    private static final class Line {
        final EntryKind kind;
        final BigDecimal mg;
        final BigDecimal changeMg;
        final String by;
        final Instant at;

        @Nullable
        Integer units;

        @Nullable
        SessionRef session;

        @Nullable
        String witness;

        @Nullable
        String reason;

        @Nullable
        String supplier;

        @Nullable
        String invoiceRef;

        @Nullable
        BigDecimal expectedMg;

        @Nullable
        Long reversesSeq;

        @Nullable
        String discrepancyId;

        Line(EntryKind kind, BigDecimal mg, BigDecimal changeMg, String by, Instant at) {
            this.kind = kind;
            this.mg = mg;
            this.changeMg = changeMg;
            this.by = by;
            this.at = at;
        }

        Line units(int value) {
            units = value;
            return this;
        }

        Line session(SessionRef value) {
            session = value;
            return this;
        }

        Line witness(String value, String recorder) {
            if (value.isBlank()) {
                throw new InvalidRequestException("witness", "a waste needs a witness");
            }
            if (value.equals(recorder)) {
                throw new InvalidRequestException(
                        "witness", "the witness must be another licensed member of staff, not the one recording");
            }
            witness = value;
            return this;
        }

        Line reason(@Nullable String value, boolean required) {
            String text = value == null ? null : value.strip();
            if (text == null || text.isEmpty()) {
                if (required) {
                    throw new InvalidRequestException(
                            "reason",
                            "is required for a "
                                    + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
                return this;
            }
            if (text.length() > MAX_REASON_LENGTH) {
                throw new InvalidRequestException("reason", "is at most " + MAX_REASON_LENGTH + " characters");
            }
            reason = text;
            return this;
        }

        Line supplier(String name, String invoice) {
            supplier = name;
            invoiceRef = invoice;
            return this;
        }

        Line expected(BigDecimal value) {
            expectedMg = value;
            return this;
        }

        Line reverses(Entry original) {
            reversesSeq = original.seq();
            // a receipt's reversal keeps its units, so the received total can follow
            units = original.kind() == EntryKind.RECEIPT ? original.units() : null;
            session = original.sessionId() == null || original.patientId() == null
                    ? null
                    : new SessionRef(original.sessionId(), original.patientId());
            return this;
        }

        Line discrepancy(String id) {
            discrepancyId = id;
            return this;
        }
    }
}
