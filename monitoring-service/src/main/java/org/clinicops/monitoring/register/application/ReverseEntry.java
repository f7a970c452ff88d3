package org.clinicops.monitoring.register.application;

import java.time.Clock;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.springframework.stereotype.Service;

/**
 * Corrects an entry the only way the register allows: a new entry that reverses its effect, with a
 * reason, in the name of the signed-in member of staff. The entry itself stays as written.
 */
@Service
public class ReverseEntry {

    private final LedgerStore store;
    private final Ledgers ledgers;
    private final Clock clock;

    ReverseEntry(LedgerStore store, Ledgers ledgers, Clock clock) {
        this.store = store;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    public Entry handle(String siteId, String entryId, String reason) {
        StaffUser user = SiteAccess.require(siteId);
        Entry original = store.entry(entryId)
                .filter(e -> e.siteId().equals(siteId))
                .orElseThrow(() -> new NotFoundException("register entry", entryId));
        Audit.object("register-entry", entryId);
        Audit.patient(original.patientId());
        return ledgers.change(
                siteId, original.lotId(), ledger -> ledger.reverse(original, reason, user.username(), clock.instant()));
    }
}
