package org.clinicops.billing.charging.domain;

import org.clinicops.events.ConsultationCompleted.VisitLevel;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation code of a completed consultation, from whether the patient is new to the group and
 * the level of the visit: 99204 (moderate) or 99205 (high) for a new patient, 99214 or 99215 for an
 * established one. The code never depends on what the site prices; the site's fee schedule only
 * decides whether (and at what price) it is charged, and a code it does not price leaves the
 * consultation free (the first consultation is free at most clinics).
 *
 * <p>A consultation-completed from an earlier producer carries neither flag nor level: it is billed
 * as a new patient's moderate visit (99204), as billing did before.
 */
public final class ConsultationChargeRule {

    public static final String NEW_PATIENT_MODERATE = "99204";
    public static final String NEW_PATIENT_HIGH = "99205";
    public static final String ESTABLISHED_MODERATE = "99214";
    public static final String ESTABLISHED_HIGH = "99215";

    public ChargeItem codeFor(@Nullable Boolean newPatient, @Nullable VisitLevel level) {
        boolean high = level == VisitLevel.HIGH;
        if (Boolean.FALSE.equals(newPatient)) {
            return new ChargeItem(high ? ESTABLISHED_HIGH : ESTABLISHED_MODERATE, 1);
        }
        return new ChargeItem(high ? NEW_PATIENT_HIGH : NEW_PATIENT_MODERATE, 1);
    }
}
