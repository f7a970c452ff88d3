package org.clinicops.monitoring.vitals.application;

import java.time.Clock;
import java.util.Locale;
import org.clinicops.monitoring.vitals.domain.AlertStateException;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsAlert;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Service;

/**
 * A nurse acknowledges an alert (she is on it: it stays open) or closes it (resolved: it is no
 * longer open, and vitals-alert-closed is published). Only staff of the alert's site may (checked
 * here, for the API and the nurse page alike).
 */
@Service
public class HandleAlert {

    private final SessionVitalsRepository sessions;
    private final IdGenerator ids;
    private final Clock clock;

    HandleAlert(SessionVitalsRepository sessions, IdGenerator ids, Clock clock) {
        this.sessions = sessions;
        this.ids = ids;
        this.clock = clock;
    }

    public AlertView acknowledge(String alertId, String nurseId) {
        SessionVitals session = sessionOf(alertId);
        try {
            VitalsAlert alert = session.acknowledge(alertId, nurseId, clock.instant());
            sessions.save(session);
            return AlertView.of(session, alert);
        } catch (AlertStateException e) {
            throw new ConflictException("alert-" + e.status().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
    }

    /** Closes an open or acknowledged alert; vitals-alert-closed leaves with the change. */
    public AlertView close(String alertId) {
        SessionVitals session = sessionOf(alertId);
        try {
            VitalsAlert alert = session.close(alertId, clock.instant(), ids.eventId());
            sessions.save(session);
            return AlertView.of(session, alert);
        } catch (AlertStateException e) {
            throw new ConflictException("alert-" + e.status().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
    }

    private SessionVitals sessionOf(String alertId) {
        SessionVitals session =
                sessions.findByAlertId(alertId).orElseThrow(() -> new NotFoundException("alert", alertId));
        Audit.patient(session.patientId());
        SiteAccess.require(session.siteId());
        return session;
    }
}
