package org.clinicops.billing.accounts;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.TreatmentPlanApproved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Opens and updates patient accounts from intake's events, one account per (patient, site), with
 * upserts keyed by {@link PatientAccount#idOf}, so a replay changes nothing and an event of one site
 * never touches the account at another. Opening an account charges nothing: the consultation is free.
 */
@Service
public class PatientAccounts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PatientAccounts.class);
    private static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;
    private final ServiceDiagnoses diagnoses;

    PatientAccounts(MongoTemplate mongo, ServiceDiagnoses diagnoses) {
        this.mongo = mongo;
        this.diagnoses = diagnoses;
    }

    /** Opens the account at the request's site on the first request there; a later one there updates it. */
    public void handle(ConsultationRequested event) {
        diagnoses.recordRequest(event.requestId(), event.condition());
        mongo.upsert(
                byId(event.patientId(), event.siteId()),
                new Update()
                        .set("payerType", event.payerType())
                        .set("condition", event.condition())
                        .setOnInsert("patientId", event.patientId())
                        .setOnInsert("siteId", event.siteId())
                        .setOnInsert("openedAt", event.requestedAt()),
                PatientAccount.class);
    }

    /** The approved plan names the condition treated at its site; its sessions are billed with it. */
    public void handle(TreatmentPlanApproved event) {
        diagnoses.recordPlan(event.planId(), event.condition());
        mongo.upsert(
                byId(event.patientId(), event.siteId()),
                new Update()
                        .set("condition", event.condition())
                        .set("payerType", event.payerType())
                        .setOnInsert("patientId", event.patientId())
                        .setOnInsert("siteId", event.siteId())
                        .setOnInsert("openedAt", event.approvedAt()),
                PatientAccount.class);
    }

    /** The patient's account at the site. */
    public Optional<PatientAccount> find(String patientId, String siteId) {
        return Optional.ofNullable(mongo.findById(PatientAccount.idOf(patientId, siteId), PatientAccount.class));
    }

    /** Every account of the patient, oldest first (a patient has one per site at most). */
    public List<PatientAccount> of(String patientId) {
        return mongo.find(
                Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by("openedAt", "_id")),
                PatientAccount.class);
    }

    /** The patient's accounts at these sites, oldest first. */
    public List<PatientAccount> of(String patientId, Collection<String> siteIds) {
        return mongo.find(
                Query.query(Criteria.where("patientId")
                                .is(patientId)
                                .and("siteId")
                                .in(siteIds))
                        .with(Sort.by("openedAt", "_id")),
                PatientAccount.class);
    }

    public long count() {
        return mongo.count(new Query(), PatientAccount.class);
    }

    public List<PatientAccount> all() {
        return mongo.findAll(PatientAccount.class);
    }

    /**
     * Moves accounts stored before accounts were per site (one per patient, {@code _id} the patient
     * id) to the id of their patient and recorded site, before any listener runs. Idempotent.
     */
    @Override
    public void afterSingletonsInstantiated() {
        migrateSingleAccounts();
    }

    void migrateSingleAccounts() {
        MongoCollection<Document> accounts = mongo.getCollection(COLLECTION);
        List<Document> legacy = new ArrayList<>();
        accounts.find(Filters.exists("patientId", false)).into(legacy);
        for (Document old : legacy) {
            Object patientId = old.get("_id");
            Object siteId = old.get("siteId");
            if (!(patientId instanceof String patient) || !(siteId instanceof String site)) {
                continue;
            }
            Document moved = new Document(old);
            moved.put("_id", PatientAccount.idOf(patient, site));
            moved.put("patientId", patient);
            accounts.replaceOne(Filters.eq("_id", moved.get("_id")), moved, new ReplaceOptions().upsert(true));
            accounts.deleteOne(Filters.eq("_id", patient));
        }
        if (!legacy.isEmpty()) {
            log.info("moved {} single accounts to one account per patient and site", legacy.size());
        }
    }

    private static Query byId(String patientId, String siteId) {
        return Query.query(Criteria.where("_id").is(PatientAccount.idOf(patientId, siteId)));
    }
}
