package org.clinicops.monitoring.register.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.Quantities;
import org.clinicops.monitoring.register.domain.SessionRef;
import org.clinicops.monitoring.register.domain.WitnessRequest;
import org.clinicops.monitoring.sessions.application.SessionQueries;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.springframework.stereotype.Service;

/**
 * The page's way to a witnessed waste, where a browser holds one sign-in: the nurse asks a named
 * colleague ({@link #ask}, checked as the waste would be, nothing written to the register), and the
 * colleague, signed in herself, confirms ({@link #confirm}): the waste is then recorded by {@link
 * RecordWaste} with the nurse as recorder and the confirming user as witness, who must pass {@link
 * WitnessPolicy} like a witness token. The request is marked confirmed (optimistic lock) before the
 * waste is written, so two confirmations never record it twice.
 */
@Service
public class WitnessedWastes {

    private final WitnessRequestRepository requests;
    private final Ledgers ledgers;
    private final RegisterSessions sessions;
    private final RecordWaste recordWaste;
    private final RegisterProperties properties;
    private final SessionQueries known;
    private final IdGenerator ids;
    private final Clock clock;

    WitnessedWastes(
            WitnessRequestRepository requests,
            Ledgers ledgers,
            RegisterSessions sessions,
            RecordWaste recordWaste,
            RegisterProperties properties,
            SessionQueries known,
            IdGenerator ids,
            Clock clock) {
        this.requests = requests;
        this.ledgers = ledgers;
        this.sessions = sessions;
        this.recordWaste = recordWaste;
        this.properties = properties;
        this.known = known;
        this.ids = ids;
        this.clock = clock;
    }

    /** The signed-in nurse asks {@code witness} to confirm a waste; refused as the waste itself would be. */
    public WitnessRequest ask(
            String siteId, String sessionId, String lotId, BigDecimal requestedMg, String reason, String witness) {
        StaffUser user = SiteAccess.require(siteId);
        BigDecimal mg = Quantities.entered(requestedMg, "mg");
        LotLedger lot = ledgers.lotAt(siteId, lotId);
        SessionRef session = null;
        if (sessionId != null && !sessionId.isBlank()) {
            var s = known.session(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
            Audit.patient(s.patientId());
            SiteAccess.require(s.siteId());
            if (!s.siteId().equals(siteId)) {
                throw new ConflictException("session-mismatch", "session " + sessionId + " belongs to another site");
            }
            session = new SessionRef(sessionId, s.patientId());
            sessions.account(sessionId).checkWaste(lotId, mg, properties.toleranceMg());
        } else {
            if (reason == null || reason.isBlank()) {
                throw new InvalidRequestException("reason", "is required for a waste from stock");
            }
            if (mg.compareTo(lot.balanceMg()) > 0) {
                throw new ConflictException(
                        "insufficient-balance", "lot holds " + lot.balanceMg().toPlainString() + " mg");
            }
        }
        Audit.object("register-lot", lotId);
        return requests.save(WitnessRequest.ask(
                ids.next("wit_"), siteId, session, lotId, mg, reason, user.username(), witness, clock.instant()));
    }

    /** The signed-in witness confirms: the waste is recorded now. */
    public Entry confirm(String siteId, String requestId) {
        StaffUser witness = SiteAccess.require(siteId);
        WitnessRequest request = request(siteId, requestId);
        Instant now = clock.instant();
        request.confirm(witness.username(), now);
        request = requests.save(request);
        try {
            Entry entry = recordWaste.handle(new RecordWasteCommand(
                    siteId,
                    request.sessionId(),
                    request.lotId(),
                    request.mg(),
                    request.reason(),
                    request.requestedBy(),
                    witness));
            request.recorded(entry.id());
            requests.save(request);
            return entry;
        } catch (RuntimeException refused) {
            request.reopen();
            requests.save(request);
            throw refused;
        }
    }

    /** The signed-in witness declines to witness it. */
    public void decline(String siteId, String requestId) {
        StaffUser witness = SiteAccess.require(siteId);
        WitnessRequest request = request(siteId, requestId);
        request.decline(witness.username(), clock.instant());
        requests.save(request);
    }

    private WitnessRequest request(String siteId, String requestId) {
        WitnessRequest request = requests.findById(requestId)
                .filter(r -> r.siteId().equals(siteId))
                .orElseThrow(() -> new NotFoundException("witness request", requestId));
        Audit.object("register-witness-request", requestId);
        Audit.patient(request.patientId());
        return request;
    }

    public List<WitnessRequest> pending(String siteId) {
        return requests.ofSite(siteId, WitnessRequest.Status.PENDING);
    }

    public List<WitnessRequest> ofSession(String sessionId) {
        return requests.ofSession(sessionId);
    }
}
