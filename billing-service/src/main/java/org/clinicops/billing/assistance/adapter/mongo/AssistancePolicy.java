package org.clinicops.billing.assistance.adapter.mongo;

import java.time.Instant;
import java.util.List;
import org.clinicops.billing.assistance.domain.AssistanceTier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A site's stored sliding-scale policy (sites without one use the configured default tiers). */
@Document(MongoAssistancePolicies.COLLECTION)
record AssistancePolicy(@Id String siteId, List<AssistanceTier> tiers, Instant updatedAt) {}
