package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the register, never changed or deleted once written: a correction is a new {@link
 * EntryKind#REVERSAL} entry. Entries of a lot are numbered 1, 2, 3… ({@code seq}); the id is the
 * lot's id and that number, so two writers can never both write the same line of a lot.
 *
 * @param id {@code <lotId>.<seq>}
 * @param mg the quantity the entry records, as entered (a receipt's units × mg per unit, a count's
 *     counted mg, an adjustment's or a reversal's size)
 * @param changeMg the signed change of the lot's balance (0 for an administration, a session's
 *     waste and a count)
 * @param balanceAfterMg the lot's balance after this entry
 * @param units vials or devices received (receipts only)
 * @param sessionId the infusion session (draws, administrations, a session's waste)
 * @param patientId the session's pseudonymous patient (never a name)
 * @param witness the second licensed member of staff who confirmed a waste with their own sign-in
 * @param reason why (stock waste, adjustment, reversal; optional for a session's waste); stays here
 * @param expectedMg a count's expected quantity: the balance when it was counted
 * @param reversesSeq the number of the entry a reversal cancels
 * @param discrepancyId the discrepancy an adjustment resolved
 * @param recordedBy the signed-in member of staff (or the service, for administrations)
 */
@Document("register_entries")
@CompoundIndex(name = "lot_seq", def = "{'lotId': 1, 'seq': 1}")
@CompoundIndex(name = "site_time", def = "{'siteId': 1, 'recordedAt': 1}")
@CompoundIndex(name = "session", def = "{'sessionId': 1}")
public record Entry(
        @Id String id,
        String siteId,
        String lotId,
        long seq,
        EntryKind kind,
        BigDecimal mg,
        BigDecimal changeMg,
        BigDecimal balanceAfterMg,
        @Nullable Integer units,
        @Nullable String sessionId,
        @Nullable String patientId,
        @Nullable String witness,
        @Nullable String reason,
        @Nullable String supplier,
        @Nullable String invoiceRef,
        @Nullable BigDecimal expectedMg,
        @Nullable Long reversesSeq,
        @Nullable String discrepancyId,
        String recordedBy,
        Instant recordedAt) {

    /** The id of entry {@code seq} of a lot. */
    public static String idOf(String lotId, long seq) {
        return lotId + "." + seq;
    }

    /** A count's difference: expected − counted (positive when drug is missing); 0 for other kinds. */
    public BigDecimal unaccountedMg() {
        return kind == EntryKind.COUNT && expectedMg != null ? expectedMg.subtract(mg) : Quantities.ZERO;
    }
}
