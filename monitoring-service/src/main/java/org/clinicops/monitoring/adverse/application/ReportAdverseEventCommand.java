package org.clinicops.monitoring.adverse.application;

import java.time.Instant;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.clinicops.monitoring.adverse.domain.AdverseEventOutcome;

/** A nurse or clinician reports an adverse event during a session. */
public record ReportAdverseEventCommand(
        String patientId,
        String siteId,
        String sessionId,
        AdverseEventCategory category,
        int grade,
        Instant onsetAt,
        ActionTaken actionTaken,
        AdverseEventOutcome outcome) {}
