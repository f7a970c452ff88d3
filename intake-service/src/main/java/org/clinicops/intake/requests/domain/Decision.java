package org.clinicops.intake.requests.domain;

import java.time.Instant;
import org.clinicops.intake.plans.domain.TreatmentPlan;
import org.jspecify.annotations.Nullable;

/**
 * The clinician's decision. A free-text override reason stays in intake; events carry codes only.
 *
 * @param outcome ACCEPTED, DECLINED or REFERRED_OUT
 * @param reasonCode why it was declined or referred out
 */
public record Decision(
        RequestStatus outcome,
        String clinicianId,
        Instant decidedAt,
        @Nullable TreatmentPlan plan,
        @Nullable String reasonCode,
        boolean override,
        @Nullable String overrideReason) {}
