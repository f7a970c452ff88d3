package org.clinicops.billing.accounts.adapter.mongo;

import java.util.Optional;
import org.clinicops.billing.accounts.application.DiagnosisRepository;
import org.clinicops.events.Condition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Conditions per service in {@code service_diagnoses}, written with upserts. */
@Component
class MongoDiagnoses implements DiagnosisRepository {

    static final String COLLECTION = "service_diagnoses";

    private final MongoTemplate mongo;

    MongoDiagnoses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record Diagnosis(@Id String id, Condition condition) {}

    @Override
    public void record(String key, Condition condition) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(key)),
                new Update().set("condition", condition),
                Diagnosis.class,
                COLLECTION);
    }

    @Override
    public Optional<Condition> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Diagnosis.class, COLLECTION))
                .map(Diagnosis::condition);
    }
}
