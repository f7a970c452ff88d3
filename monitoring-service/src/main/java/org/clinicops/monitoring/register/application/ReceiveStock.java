package org.clinicops.monitoring.register.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.clinicops.monitoring.indicators.application.SiteTimeZones;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.LotDescription;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.springframework.stereotype.Service;

/**
 * Records stock received at a site by the signed-in member of staff. A lot (NDC and lot number) is
 * opened at its first receipt; a later receipt of the same lot must describe it the same way
 * (strength, expiry), else 409 {@code lot-mismatch}. Expired stock is not received (409
 * {@code lot-expired}).
 */
@Service
public class ReceiveStock {

    private final LedgerStore store;
    private final Ledgers ledgers;
    private final SiteTimeZones zones;
    private final IdGenerator ids;
    private final Clock clock;

    ReceiveStock(LedgerStore store, Ledgers ledgers, SiteTimeZones zones, IdGenerator ids, Clock clock) {
        this.store = store;
        this.ledgers = ledgers;
        this.zones = zones;
        this.ids = ids;
        this.clock = clock;
    }

    public Received handle(ReceiveStockCommand command) {
        StaffUser user = SiteAccess.require(command.siteId());
        LotDescription description = LotDescription.of(
                command.product(),
                command.ndc(),
                command.lotNumber(),
                command.expiresOn(),
                command.concentrationMgPerMl(),
                command.volumeMlPerUnit(),
                command.mgPerDevice());
        Instant now = clock.instant();
        if (description.expiredOn(now.atZone(zones.zoneOf(command.siteId())).toLocalDate())) {
            throw new ConflictException(
                    "lot-expired", "lot " + description.lotNumber() + " expired on " + description.expiresOn());
        }
        LotLedger lot = store.lotByNumber(command.siteId(), description.ndc(), description.lotNumber())
                .orElseGet(() -> store.open(LotLedger.open(ids.next("lot_"), command.siteId(), description, now))
                        .orElseGet(() -> store.lotByNumber(command.siteId(), description.ndc(), description.lotNumber())
                                .orElseThrow()));
        if (!lot.description().sameAs(description)) {
            throw new ConflictException(
                    "lot-mismatch",
                    "lot " + description.lotNumber() + " of NDC " + description.ndc()
                            + " was received before with another strength or expiry",
                    Map.of("lotId", lot.lotId()));
        }
        Audit.object("register-lot", lot.lotId());
        Entry entry = ledgers.change(
                command.siteId(),
                lot.lotId(),
                ledger -> ledger.receive(
                        command.units(), command.supplier(), command.invoiceRef(), user.username(), now));
        return new Received(ledgers.lotAt(command.siteId(), lot.lotId()), entry);
    }

    /** The lot after the receipt, and the receipt's entry. */
    public record Received(LotLedger lot, Entry entry) {}
}
