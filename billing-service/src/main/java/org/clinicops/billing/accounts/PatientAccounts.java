package org.clinicops.billing.accounts;

import java.util.Optional;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.TreatmentPlanApproved;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Opens and updates patient accounts from intake's events with upserts keyed by patient id, so a
 * replay changes nothing. Opening an account charges nothing: the consultation is free.
 */
@Service
public class PatientAccounts {

    private final MongoTemplate mongo;

    PatientAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Opens the account on the first consultation request; later requests update site and payer. */
    public void handle(ConsultationRequested event) {
        mongo.upsert(
                byPatient(event.patientId()),
                new Update()
                        .set("siteId", event.siteId())
                        .set("payerType", event.payerType())
                        .set("condition", event.condition())
                        .setOnInsert("openedAt", event.requestedAt()),
                PatientAccount.class);
    }

    /** The approved plan names the condition treated (for the superbill's diagnosis code). */
    public void handle(TreatmentPlanApproved event) {
        mongo.upsert(
                byPatient(event.patientId()),
                new Update()
                        .set("condition", event.condition())
                        .set("payerType", event.payerType())
                        .setOnInsert("siteId", event.siteId())
                        .setOnInsert("openedAt", event.approvedAt()),
                PatientAccount.class);
    }

    public Optional<PatientAccount> find(String patientId) {
        return Optional.ofNullable(mongo.findById(patientId, PatientAccount.class));
    }

    public long count() {
        return mongo.count(new Query(), PatientAccount.class);
    }

    public java.util.List<PatientAccount> all() {
        return mongo.findAll(PatientAccount.class);
    }

    private static Query byPatient(String patientId) {
        return Query.query(Criteria.where("_id").is(patientId));
    }
}
