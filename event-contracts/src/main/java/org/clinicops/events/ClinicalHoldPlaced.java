package org.clinicops.events;

import java.time.Instant;

/**
 * A serious adverse event stopped the patient's treatment until a clinician releases the hold.
 *
 * <p>Monitoring places one hold, with its own {@code holdId}, for every adverse event of grade 3 or
 * above, also while another hold of the same patient is active, and releases each hold with exactly
 * one {@link ClinicalHoldReleased} carrying the same {@code holdId}. The patient is held while any
 * of their holds is active. Placement and release travel on different topics, so they may arrive in
 * either order: scheduling keeps holds by {@code holdId} and remembers a release that arrives before
 * its placement.
 *
 * @param holdId id of this hold, one per triggering adverse event
 * @param adverseEventId the adverse event of grade 3 or above that caused this hold
 */
public record ClinicalHoldPlaced(
        String holdId, String patientId, String siteId, String adverseEventId, int grade, Instant placedAt)
        implements PatientEvent {}
