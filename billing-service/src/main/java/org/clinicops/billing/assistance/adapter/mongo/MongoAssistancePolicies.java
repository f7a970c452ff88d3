package org.clinicops.billing.assistance.adapter.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.assistance.application.AssistancePolicyRepository;
import org.clinicops.billing.assistance.domain.AssistanceTier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Sites' sliding-scale policies in {@code assistance_policies}, one document per site. */
@Component
class MongoAssistancePolicies implements AssistancePolicyRepository {

    static final String COLLECTION = "assistance_policies";

    private final MongoTemplate mongo;

    MongoAssistancePolicies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<List<AssistanceTier>> tiersOf(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, AssistancePolicy.class, COLLECTION))
                .map(AssistancePolicy::tiers);
    }

    @Override
    public void replace(String siteId, List<AssistanceTier> tiers, Instant updatedAt) {
        mongo.save(new AssistancePolicy(siteId, tiers, updatedAt), COLLECTION);
    }
}
