package org.clinicops.monitoring.register.application;

import java.util.function.Function;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Runs a change of one lot: read it (brought forward), let the ledger append the entry (its rules
 * refuse or accept), write it. When another request wrote the lot's next entry first, reads again
 * and retries, so two nurses drawing from the same lot at once are both served while the stock
 * lasts; once it does not, the later one is refused by the ledger's own rule (409
 * {@code insufficient-balance}). After a few lost races: 409 {@code CONCURRENT_UPDATE}.
 */
@Service
public class Ledgers {

    private static final int ATTEMPTS = 5;

    private final LedgerStore store;
    private final RegisterMetrics metrics;

    Ledgers(LedgerStore store, RegisterMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * The lot of the site, or 400 naming {@code lotId}: a lot of another site is as unknown as a lot
     * that does not exist.
     */
    public LotLedger lotAt(String siteId, String lotId) {
        return store.lot(lotId)
                .filter(lot -> lot.siteId().equals(siteId))
                .orElseThrow(() -> new InvalidRequestException("lotId", "no lot " + lotId + " at site " + siteId));
    }

    /** Appends the entry the change makes to the lot's ledger, retrying lost races. */
    public Entry change(String siteId, String lotId, Function<LotLedger, Entry> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LotLedger ledger = lotAt(siteId, lotId);
            Entry entry = change.apply(ledger);
            try {
                store.append(ledger, entry);
                metrics.entryWritten(siteId, entry.kind());
                return entry;
            } catch (LedgerStore.ConcurrentAppendException raced) {
                // another request wrote this line of the lot: read the lot again and re-check
            }
        }
        throw new ConflictException(
                "CONCURRENT_UPDATE", "lot " + lotId + " is being changed by other requests; try again");
    }
}
