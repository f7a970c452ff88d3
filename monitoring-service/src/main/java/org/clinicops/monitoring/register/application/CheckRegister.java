package org.clinicops.monitoring.register.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.events.ControlledSubstanceDiscrepancy.Kind;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.register.domain.RegisterSession;
import org.clinicops.monitoring.register.domain.SessionAccount;
import org.clinicops.platform.ids.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Every minute (business time from the injected clock): each session that ended {@code
 * unreconciled-after} (12 h) ago is looked at once; if drawn ≠ administered + wasted it is a
 * discrepancy. Counts of the last day whose discrepancy a crash kept from being stored get it now.
 */
@Service
public class CheckRegister {

    private static final Logger log = LoggerFactory.getLogger(CheckRegister.class);
    private static final int BATCH = 500;

    private final RegisterSessionStore sessions;
    private final RegisterSessions registerSessions;
    private final LedgerStore ledgers;
    private final RecordCount counts;
    private final Discrepancies discrepancies;
    private final RegisterProperties properties;
    private final IdGenerator ids;
    private final Clock clock;

    CheckRegister(
            RegisterSessionStore sessions,
            RegisterSessions registerSessions,
            LedgerStore ledgers,
            RecordCount counts,
            Discrepancies discrepancies,
            RegisterProperties properties,
            IdGenerator ids,
            Clock clock) {
        this.sessions = sessions;
        this.registerSessions = registerSessions;
        this.ledgers = ledgers;
        this.counts = counts;
        this.discrepancies = discrepancies;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${clinic.monitoring.register.check-interval:1m}",
            initialDelayString = "${clinic.monitoring.register.check-interval:1m}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // the next run tries again; nothing of a patient in the message
            log.warn("register check failed: {}", e.getClass().getName());
        }
    }

    /** One pass; answers how many discrepancies it raised. */
    public int run() {
        Instant now = clock.instant();
        int raised = 0;
        List<RegisterSession> due;
        do {
            due = sessions.dueForCheck(now.minus(properties.unreconciledAfter()), BATCH);
            for (RegisterSession session : due) {
                if (unreconciled(session, now)) {
                    raised++;
                }
                sessions.checked(session.sessionId(), now);
            }
        } while (due.size() == BATCH);
        for (Entry count :
                ledgers.entriesOfKinds(List.of(EntryKind.COUNT), now.minus(Duration.ofDays(1)), now.plusSeconds(1))) {
            counts.raiseIfDifferent(count);
        }
        return raised;
    }

    private boolean unreconciled(RegisterSession session, Instant now) {
        SessionAccount account = registerSessions.account(session.sessionId());
        boolean touched = account.drawnMg().signum() > 0
                || (account.administeredMg() != null && account.administeredMg().signum() > 0);
        if (!touched || account.reconciled(properties.toleranceMg())) {
            return false;
        }
        var administered = account.administeredMg() == null
                ? account.wastedMg()
                : account.administeredMg().add(account.wastedMg());
        return discrepancies.raiseOnce(
                Discrepancy.idOfSession(session.sessionId(), Kind.UNRECONCILED_SESSION),
                () -> Discrepancy.ofSession(
                        Kind.UNRECONCILED_SESSION,
                        session.siteId(),
                        session.ref(),
                        account.drawnMg(),
                        administered,
                        now,
                        ids.eventId()));
    }
}
