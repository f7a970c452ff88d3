package org.clinicops.monitoring.register.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.register.domain.LotLedger;

/**
 * Where lots and their entries live. An entry is written first, under its unique id (the lot and
 * its number): of two writers that read the same balance, only one writes the next line, the other
 * gets {@link ConcurrentAppendException}. The lot's snapshot follows; a lot is always read with its
 * snapshot brought forward over any entry written after it, so a crash between the two writes loses
 * nothing and never lets a balance be used twice.
 */
public interface LedgerStore {

    /** The lot with every entry applied. */
    Optional<LotLedger> lot(String lotId);

    Optional<LotLedger> lotByNumber(String siteId, String ndc, String lotNumber);

    /** Stores a new lot (no entry yet); empty when the same lot was stored meanwhile. */
    Optional<LotLedger> open(LotLedger ledger);

    /**
     * Writes the entry the ledger just appended, then its snapshot.
     *
     * @throws ConcurrentAppendException when another writer took the entry's number
     */
    void append(LotLedger ledger, Entry entry);

    List<LotLedger> lotsOfSite(String siteId);

    List<LotLedger> allLots();

    Optional<Entry> entry(String entryId);

    List<Entry> entriesOfSession(String sessionId);

    List<Entry> entriesOfLot(String lotId);

    /** A site's entries recorded in [from, to), oldest first (by time, then lot and number). */
    List<Entry> entriesOfSite(String siteId, Instant from, Instant to);

    /** Entries of these kinds recorded in [from, to) at any site. */
    List<Entry> entriesOfKinds(Collection<EntryKind> kinds, Instant from, Instant to);

    /** Whether an adjustment already resolved the discrepancy. */
    Optional<Entry> adjustmentOf(String discrepancyId);

    /** Another writer wrote the next entry of the lot first. */
    final class ConcurrentAppendException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConcurrentAppendException(String entryId) {
            super("entry " + entryId + " was written by another request");
        }
    }
}
