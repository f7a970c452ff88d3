package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The daily count of a lot at close: the counted milligrams are recorded beside the running balance
 * they were compared with. A difference beyond the tolerance is a discrepancy (an event, an open item
 * for a clinician). A count of a lot the site does not have is 400 naming {@code lotId}; a count of
 * more than the lot could ever hold ({@value Quantities#MAX_UNITS} units) is 400 naming
 * {@code countedMg}.
 */
@Service
public class RecordCount {

    private final Ledgers ledgers;
    private final Discrepancies discrepancies;
    private final RegisterProperties properties;
    private final IdGenerator ids;
    private final Clock clock;

    RecordCount(
            Ledgers ledgers, Discrepancies discrepancies, RegisterProperties properties, IdGenerator ids, Clock clock) {
        this.ledgers = ledgers;
        this.discrepancies = discrepancies;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    public Counted handle(String siteId, String lotId, BigDecimal countedMg) {
        StaffUser user = SiteAccess.require(siteId);
        Audit.object("register-lot", lotId);
        LotLedger lot = ledgers.lotAt(siteId, lotId);
        BigDecimal most = lot.description().mgPerUnit().multiply(BigDecimal.valueOf(Quantities.MAX_UNITS));
        BigDecimal counted = Quantities.enteredOrZero(countedMg, "countedMg", most);
        Instant now = clock.instant();
        Entry count = ledgers.change(siteId, lotId, ledger -> ledger.count(counted, user.username(), now));
        boolean discrepancy = raiseIfDifferent(count);
        return new Counted(count, discrepancy ? Discrepancy.idOfCount(count.id()) : null);
    }

    /** Raises the count's discrepancy when counted and expected differ beyond the tolerance. */
    boolean raiseIfDifferent(Entry count) {
        if (count.unaccountedMg().abs().compareTo(properties.toleranceMg()) <= 0) {
            return false;
        }
        discrepancies.raiseOnce(Discrepancy.idOfCount(count.id()), () -> Discrepancy.ofCount(count, ids.eventId()));
        return true;
    }

    /** The count's entry and the discrepancy it raised, if any. */
    public record Counted(Entry entry, @Nullable String discrepancyId) {}
}
