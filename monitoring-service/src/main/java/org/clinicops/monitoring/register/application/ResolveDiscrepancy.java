package org.clinicops.monitoring.register.application;

import java.time.Clock;
import java.time.Instant;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A clinician resolves an open discrepancy with a reason. For a count's difference she may write it
 * off ({@code writeOff}): an adjustment entry then brings the lot's balance in line with what was
 * counted (a loss to consider for DEA Form 106), so the next count starts from the truth. Writing
 * off twice is impossible: an adjustment already made for the discrepancy is reused.
 */
@Service
public class ResolveDiscrepancy {

    private final DiscrepancyRepository discrepancies;
    private final LedgerStore store;
    private final Ledgers ledgers;
    private final Clock clock;

    ResolveDiscrepancy(DiscrepancyRepository discrepancies, LedgerStore store, Ledgers ledgers, Clock clock) {
        this.discrepancies = discrepancies;
        this.store = store;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    public Discrepancy handle(String siteId, String discrepancyId, String reason, boolean writeOff) {
        StaffUser user = SiteAccess.require(siteId);
        if (!user.hasAny(Role.CLINICIAN, Role.ADMIN)) {
            throw new AccessDeniedException("Only a clinician resolves a discrepancy");
        }
        Audit.object("register-discrepancy", discrepancyId);
        Discrepancy discrepancy = discrepancies
                .findById(discrepancyId)
                .filter(d -> d.siteId().equals(siteId))
                .orElseThrow(() -> new NotFoundException("discrepancy", discrepancyId));
        Audit.patient(discrepancy.patientId());
        if (!discrepancy.open()) {
            throw new ConflictException(
                    "discrepancy-resolved", "discrepancy " + discrepancyId + " was resolved before");
        }
        Instant now = clock.instant();
        String adjustment = null;
        if (writeOff) {
            if (discrepancy.kind() != Kind.COUNT_DIFFERENCE || discrepancy.lotId() == null) {
                throw new ConflictException("nothing-to-write-off", "only a count's difference is written off");
            }
            String lotId = discrepancy.lotId();
            Entry written = store.adjustmentOf(discrepancyId)
                    .orElseGet(() -> ledgers.change(
                            siteId,
                            lotId,
                            ledger -> ledger.adjust(
                                    discrepancy.unaccountedMg().negate(),
                                    discrepancyId,
                                    reason,
                                    user.username(),
                                    now)));
            adjustment = written.id();
        }
        discrepancy.resolve(user.username(), reason, adjustment, now);
        return discrepancies.save(discrepancy);
    }
}
