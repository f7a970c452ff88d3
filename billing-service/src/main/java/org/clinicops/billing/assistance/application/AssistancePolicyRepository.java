package org.clinicops.billing.assistance.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.assistance.domain.AssistanceTier;

/** The sliding-scale policy each site stored (a site without one uses the configured default tiers). */
public interface AssistancePolicyRepository {

    Optional<List<AssistanceTier>> tiersOf(String siteId);

    void replace(String siteId, List<AssistanceTier> tiers, Instant updatedAt);
}
