package org.clinicops.monitoring.vitals.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.monitoring.vitals.domain.VitalsAlert;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.clinicops.monitoring.vitals.domain.VitalsRule;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Service;

/**
 * Charts a reading, checks it against the site's thresholds and raises the alerts it causes. Only
 * staff of the session's site chart (checked here, so the API and the nurse page share the rule).
 */
@Service
public class ChartVitals {

    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final SessionVitalsRepository sessions;
    private final ThresholdProperties thresholds;
    private final IdGenerator ids;
    private final Clock clock;

    ChartVitals(SessionVitalsRepository sessions, ThresholdProperties thresholds, IdGenerator ids, Clock clock) {
        this.sessions = sessions;
        this.thresholds = thresholds;
        this.ids = ids;
        this.clock = clock;
    }

    public ChartedVitals handle(ChartVitalsCommand command) {
        SiteAccess.require(command.siteId());
        Instant now = clock.instant();
        if (command.takenAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidRequestException("takenAt", "must not be in the future");
        }
        if (command.diastolic() >= command.systolic()) {
            throw new InvalidRequestException("diastolic", "must be below systolic");
        }
        SessionVitals session = sessions.findById(command.sessionId())
                .orElseGet(() -> SessionVitals.start(command.sessionId(), command.patientId(), command.siteId()));
        SiteAccess.require(session.siteId());
        if (!session.belongsTo(command.patientId(), command.siteId())) {
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
                now);
        List<VitalsAlert> raised = session.chart(
                reading, thresholds.forSite(command.siteId()), VitalsRule.all(), () -> ids.next("alr_"), ids::eventId);
        sessions.save(session);
        return new ChartedVitals(session, raised);
    }

    /** The session after charting and the alerts this reading raised. */
    public record ChartedVitals(SessionVitals session, List<VitalsAlert> raised) {}
}
