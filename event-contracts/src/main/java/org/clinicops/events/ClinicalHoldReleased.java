package org.clinicops.events;

import java.time.Instant;

/**
 * A clinician released one clinical hold of the patient. Treatment resumes only when none of the
 * patient's holds is active any more.
 *
 * <p>There is exactly one release per {@code holdId} (see {@link ClinicalHoldPlaced}). It travels on
 * a different topic from the placement and may arrive first: scheduling keeps holds by {@code
 * holdId} and applies placement and release in either order.
 *
 * @param holdId the {@link ClinicalHoldPlaced#holdId()} of the hold released
 * @param placedAt when that hold was placed (for hold-duration metrics)
 */
public record ClinicalHoldReleased(
        String holdId, String patientId, String siteId, String clinicianId, Instant placedAt, Instant releasedAt)
        implements PatientEvent {}
