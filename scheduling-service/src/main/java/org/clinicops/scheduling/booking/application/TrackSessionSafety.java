package org.clinicops.scheduling.booking.application;

import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;
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

    public void vitalsRecorded(VitalsRecorded e) {
        log.vitalsTaken(e.sessionId(), e.takenAt());
    }

    public void alertRaised(VitalsAlertRaised e) {
        log.alertRaised(e.sessionId(), e.alertId());
    }

    public void alertClosed(VitalsAlertClosed e) {
        log.alertClosed(e.sessionId(), e.alertId());
    }
}
