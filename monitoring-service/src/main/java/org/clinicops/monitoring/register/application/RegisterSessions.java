package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.RegisterSession;
import org.clinicops.monitoring.register.domain.SessionAccount;
import org.clinicops.monitoring.register.domain.SessionRef;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.stereotype.Service;

/**
 * The register's side of sessions: what scheduling says was given (session-completed,
 * session-stopped) is recorded as administered out of the session's draws, and ketamine drawn for a
 * session that was then put on hold, cancelled or missed is a discrepancy.
 */
@Service
public class RegisterSessions {

    /** Who records administrations: the dose comes from scheduling's session events. */
    static final String FROM_SESSION_EVENTS = "scheduling-service";

    private final RegisterSessionStore store;
    private final LedgerStore ledgers;
    private final Ledgers changes;
    private final Discrepancies discrepancies;
    private final RegisterProperties properties;
    private final IdGenerator ids;
    private final Clock clock;

    RegisterSessions(
            RegisterSessionStore store,
            LedgerStore ledgers,
            Ledgers changes,
            Discrepancies discrepancies,
            RegisterProperties properties,
            IdGenerator ids,
            Clock clock) {
        this.store = store;
        this.ledgers = ledgers;
        this.changes = changes;
        this.discrepancies = discrepancies;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    void drawnFor(String siteId, SessionRef session) {
        store.identify(session.sessionId(), siteId, session.patientId());
    }

    /** The account of a session now. */
    public SessionAccount account(String sessionId) {
        BigDecimal administered =
                store.find(sessionId).map(RegisterSession::administeredMg).orElse(null);
        return SessionAccount.of(sessionId, ledgers.entriesOfSession(sessionId), administered);
    }

    /** The session ended with this dose given: recorded, then allocated to the lots drawn from. */
    public void ended(String sessionId, String siteId, String patientId, BigDecimal doseMg, Instant endedAt) {
        store.ended(sessionId, siteId, patientId, doseMg, endedAt);
        settle(sessionId, siteId, new SessionRef(sessionId, patientId));
    }

    /**
     * Records the administered dose not yet in the register against the lots the session drew from
     * (an entry per lot, no change of stock). Safe to repeat: it records only what is missing.
     */
    void settle(String sessionId, String siteId, SessionRef session) {
        Instant now = clock.instant();
        for (Map.Entry<String, BigDecimal> allocation :
                account(sessionId).unallocatedAdministration().entrySet()) {
            changes.change(
                    siteId,
                    allocation.getKey(),
                    ledger -> ledger.administer(session, allocation.getValue(), FROM_SESSION_EVENTS, now));
        }
    }

    /**
     * The session was held, cancelled or missed: no infusion. Drug drawn for it and not wasted is a
     * discrepancy (expected the drawn mg, accounted the wasted mg).
     */
    public void endedWithoutInfusion(String sessionId, String siteId, String patientId, Kind kind, String how) {
        store.endedWithoutInfusion(sessionId, siteId, patientId, how);
        SessionAccount account = account(sessionId);
        if (account.drawnMg().subtract(account.wastedMg()).compareTo(properties.toleranceMg()) > 0) {
            SessionRef ref = new SessionRef(sessionId, patientId);
            discrepancies.raiseOnce(
                    Discrepancy.idOfSession(sessionId, kind),
                    () -> Discrepancy.ofSession(
                            kind, siteId, ref, account.drawnMg(), account.wastedMg(), clock.instant(), ids.eventId()));
        }
    }
}
