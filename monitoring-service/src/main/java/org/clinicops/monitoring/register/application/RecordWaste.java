package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.monitoring.register.domain.RegisterSession;
import org.clinicops.monitoring.register.domain.SessionRef;
import org.clinicops.monitoring.sessions.application.SessionQueries;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Service;

/**
 * Records a waste confirmed by a witness ({@link WitnessPolicy}). A session's waste is at most what
 * the session drew from the lot and neither gave nor wasted ({@code SessionAccount.checkWaste}); it
 * leaves the balance as it is (the drug left with the draw). A waste from stock (a broken vial)
 * needs a reason and comes out of the balance. Nothing is written on a refusal.
 */
@Service
public class RecordWaste {

    private final Ledgers ledgers;
    private final RegisterSessions registerSessions;
    private final RegisterSessionStore sessionStore;
    private final SessionQueries sessions;
    private final RegisterProperties properties;
    private final Clock clock;

    RecordWaste(
            Ledgers ledgers,
            RegisterSessions registerSessions,
            RegisterSessionStore sessionStore,
            SessionQueries sessions,
            RegisterProperties properties,
            Clock clock) {
        this.ledgers = ledgers;
        this.registerSessions = registerSessions;
        this.sessionStore = sessionStore;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    public Entry handle(RecordWasteCommand command) {
        SiteAccess.require(command.siteId());
        BigDecimal mg = Quantities.entered(command.mg(), "mg");
        String recorder = command.recordedBy();
        String witness = WitnessPolicy.admit(command.witness(), command.siteId(), recorder);
        Audit.object("register-lot", command.lotId());
        Instant now = clock.instant();
        if (command.sessionId() == null) {
            return ledgers.change(
                    command.siteId(),
                    command.lotId(),
                    ledger -> ledger.wasteFromStock(mg, witness, command.reason(), recorder, now));
        }
        SessionRef session = session(command.siteId(), command.sessionId());
        Audit.patient(session.patientId());
        Entry entry = ledgers.change(command.siteId(), command.lotId(), ledger -> {
            registerSessions.account(session.sessionId()).checkWaste(ledger.lotId(), mg, properties.toleranceMg());
            return ledger.waste(session, mg, witness, command.reason(), recorder, now);
        });
        registerSessions.settle(session.sessionId(), command.siteId(), session);
        return entry;
    }

    /** The session as monitoring or the register knows it, at the caller's site. */
    private SessionRef session(String siteId, String sessionId) {
        InfusionSession known = sessions.session(sessionId).orElse(null);
        RegisterSession registered = sessionStore.find(sessionId).orElse(null);
        if (known == null && registered == null) {
            throw new NotFoundException("session", sessionId);
        }
        String site = known != null
                ? known.siteId()
                : Objects.requireNonNull(registered).siteId();
        String patient = known != null
                ? known.patientId()
                : Objects.requireNonNull(registered).patientId();
        Audit.patient(patient);
        SiteAccess.require(site);
        if (!site.equals(siteId)) {
            throw new ConflictException("session-mismatch", "session " + sessionId + " belongs to another site");
        }
        return new SessionRef(sessionId, patient);
    }
}
