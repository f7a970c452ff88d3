package org.clinicops.billing.accounts;

import java.util.Optional;
import org.clinicops.events.Condition;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The condition each service was given for: a consultation for its request's condition, a session
 * for its approved plan's. A charge copies it onto its invoice when it is raised, so a superbill line
 * carries the diagnosis of its own service, never the latest request's. Upserts: a replay changes
 * nothing.
 */
@Service
public class ServiceDiagnoses {

    private final MongoTemplate mongo;

    ServiceDiagnoses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("service_diagnoses")
    record Diagnosis(@Id String id, Condition condition) {}

    void recordRequest(String requestId, Condition condition) {
        record("request:" + requestId, condition);
    }

    void recordPlan(String planId, Condition condition) {
        record("plan:" + planId, condition);
    }

    /** The condition the consultation request was made for. */
    public Optional<Condition> ofRequest(@Nullable String requestId) {
        return requestId == null ? Optional.empty() : find("request:" + requestId);
    }

    /** The condition the treatment plan was approved for. */
    public Optional<Condition> ofPlan(@Nullable String planId) {
        return planId == null ? Optional.empty() : find("plan:" + planId);
    }

    private Optional<Condition> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Diagnosis.class)).map(Diagnosis::condition);
    }

    private void record(String id, Condition condition) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(id)), new Update().set("condition", condition), Diagnosis.class);
    }
}
