package org.clinicops.monitoring.vitals.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.monitoring.sessions.application.SessionGate;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsAlert;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.clinicops.monitoring.vitals.domain.VitalsRule;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Charts a reading, checks it against the site's thresholds and raises the alerts it causes. A
 * reading is taken only for a session the {@link SessionGate} admits (known, of the patient named,
 * at a site of the caller, open for vitals), so the API and the nurse page share the rule; it is
 * charted for the session's patient and site, and vitals-recorded leaves with it.
 */
@Service
public class ChartVitals {

    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final SessionGate gate;
    private final SessionVitalsRepository sessions;
    private final ThresholdProperties thresholds;
    private final IdGenerator ids;
    private final Clock clock;

    ChartVitals(
            SessionGate gate,
            SessionVitalsRepository sessions,
            ThresholdProperties thresholds,
            IdGenerator ids,
            Clock clock) {
        this.gate = gate;
        this.sessions = sessions;
        this.thresholds = thresholds;
        this.ids = ids;
        this.clock = clock;
    }

    public ChartedVitals handle(ChartVitalsCommand command) {
        var admitted = gate.admit(command.sessionId(), command.patientId(), command.siteId(), SessionWrite.VITALS);
        Instant now = clock.instant();
        if (command.takenAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidRequestException("takenAt", "must not be in the future");
        }
        if (command.diastolic() >= command.systolic()) {
            throw new InvalidRequestException("diastolic", "must be below systolic");
        }
        SessionVitals session = sessions.findById(admitted.sessionId())
                .orElseGet(() -> SessionVitals.start(admitted.sessionId(), admitted.patientId(), admitted.siteId()));
        if (!session.belongsTo(admitted.patientId(), admitted.siteId())) {
            // a chart begun before sessions were checked, for another patient or site
            throw new ConflictException(
                    "session-mismatch", "session " + command.sessionId() + " belongs to another patient or site");
        }
        VitalsReading reading = new VitalsReading(
                command.takenAt(),
                command.systolic(),
                command.diastolic(),
                command.heartRate(),
                command.spo2(),
                command.respiratoryRate(),
                now,
                ids.next("vit_"));
        List<VitalsAlert> raised = session.chart(
                reading, thresholds.forSite(admitted.siteId()), VitalsRule.all(), () -> ids.next("alr_"), ids::eventId);
        sessions.save(session);
        return new ChartedVitals(session, raised);
    }

    /** The session after charting and the alerts this reading raised. */
    public record ChartedVitals(SessionVitals session, List<VitalsAlert> raised) {}
}
