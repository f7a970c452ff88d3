package org.clinicops.scheduling.booking.application;

import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;
import org.clinicops.platform.inbox.AppliedEvent;
import org.springframework.stereotype.Service;

/**
 * Keeps the session-safety read model that discharge checks read ({@link SessionSafetyLog}): vitals
 * readings and alerts that monitoring reports for each session.
 */
@Service
public class TrackSessionSafety {

    private final SessionSafetyLog log;

    TrackSessionSafety(SessionSafetyLog log) {
        this.log = log;
    }

    /** Each answers whether the event was new to the session (applied once, with its inbox entry). */
    public boolean vitalsRecorded(VitalsRecorded e, AppliedEvent entry) {
        return log.vitalsTaken(e.sessionId(), e.takenAt(), entry);
    }

    public boolean alertRaised(VitalsAlertRaised e, AppliedEvent entry) {
        return log.alertRaised(e.sessionId(), e.alertId(), entry);
    }

    public boolean alertClosed(VitalsAlertClosed e, AppliedEvent entry) {
        return log.alertClosed(e.sessionId(), e.alertId(), entry);
    }
}
