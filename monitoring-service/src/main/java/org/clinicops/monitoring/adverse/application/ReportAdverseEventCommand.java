package org.clinicops.monitoring.adverse.application;

import java.time.Instant;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.clinicops.monitoring.adverse.domain.AdverseEventOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A nurse or clinician reports an adverse event during a session.
 *
 * @param patientId the patient the request names (must be the session's), null when it names none
 * @param siteId the site the request names (must be the session's), null when it names none
 */
public record ReportAdverseEventCommand(
        @Nullable String patientId,
        @Nullable String siteId,
        String sessionId,
        AdverseEventCategory category,
        int grade,
        Instant onsetAt,
        ActionTaken actionTaken,
        AdverseEventOutcome outcome) {}
