package org.clinicops.billing.assistance.adapter.mongo;

import java.util.List;
import org.clinicops.billing.assistance.application.AssistanceDecisionRepository;
import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Assistance decisions in {@code assistance_decisions}, looked up by patient. */
@Component
class MongoAssistanceDecisions implements AssistanceDecisionRepository {

    static final String COLLECTION = "assistance_decisions";

    private final MongoTemplate mongo;

    MongoAssistanceDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("patientId", Sort.Direction.ASC).named("patientId"));
    }

    @Override
    public AssistanceDecision insert(AssistanceDecision decision) {
        return mongo.insert(decision, COLLECTION);
    }

    @Override
    public List<AssistanceDecision> ofPatient(String patientId) {
        return mongo.find(
                Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by(Sort.Direction.DESC, "decidedAt")),
                AssistanceDecision.class,
                COLLECTION);
    }

    @Override
    public List<AssistanceDecision> all() {
        return mongo.findAll(AssistanceDecision.class, COLLECTION);
    }
}
