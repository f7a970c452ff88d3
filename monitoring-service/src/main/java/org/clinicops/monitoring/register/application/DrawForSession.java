package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.clinicops.monitoring.indicators.application.SiteTimeZones;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.monitoring.register.domain.SessionRef;
import org.clinicops.monitoring.sessions.application.SessionGate;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.springframework.stereotype.Service;

/**
 * A nurse records what she drew for a session from a lot. The session goes through the same gate as
 * every safety write ({@link SessionGate}: known, at the caller's site, of the site named, under way,
 * with {@link SessionWrite#DRAW} refused once it ended); the lot must be the site's, not expired and
 * hold the quantity ({@code LotLedger.draw}). Nothing is written on a refusal.
 */
@Service
public class DrawForSession {

    private final SessionGate gate;
    private final Ledgers ledgers;
    private final RegisterSessions sessions;
    private final SiteTimeZones zones;
    private final Clock clock;

    DrawForSession(SessionGate gate, Ledgers ledgers, RegisterSessions sessions, SiteTimeZones zones, Clock clock) {
        this.gate = gate;
        this.ledgers = ledgers;
        this.sessions = sessions;
        this.zones = zones;
        this.clock = clock;
    }

    public Entry handle(String siteId, String sessionId, String lotId, BigDecimal requestedMg) {
        StaffUser user = SiteAccess.require(siteId);
        BigDecimal mg = Quantities.entered(requestedMg, "mg");
        var session = gate.admit(sessionId, null, siteId, SessionWrite.DRAW);
        Audit.object("register-lot", lotId);
        Instant now = clock.instant();
        SessionRef ref = new SessionRef(session.sessionId(), session.patientId());
        Entry entry = ledgers.change(
                siteId,
                lotId,
                ledger -> ledger.draw(ref, mg, now.atZone(zones.zoneOf(siteId)).toLocalDate(), user.username(), now));
        sessions.drawnFor(session.siteId(), ref);
        return entry;
    }
}
