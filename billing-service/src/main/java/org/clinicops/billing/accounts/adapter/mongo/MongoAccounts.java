package org.clinicops.billing.accounts.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.billing.accounts.application.AccountRepository;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Patient accounts in {@code accounts}, {@code _id} = {@link PatientAccount#idOf}: opened and updated
 * with upserts, so a replay changes nothing and an event of one site never touches the account at
 * another.
 */
@Component
public class MongoAccounts implements AccountRepository, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MongoAccounts.class);
    static final String COLLECTION = "accounts";
    /** When the event that last set the payer type and condition happened. */
    static final String SET_AT = "setAt";

    private final MongoTemplate mongo;

    MongoAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean openOrUpdate(String patientId, String siteId, PayerType payerType, Condition condition, Instant at) {
        Date when = Date.from(at);
        Query notNewer = Query.query(Criteria.where("_id")
                .is(PatientAccount.idOf(patientId, siteId))
                .and(SET_AT)
                .not()
                .gt(when));
        Update set = new Update()
                .set("payerType", payerType)
                .set("condition", condition)
                .set(SET_AT, when)
                .setOnInsert("patientId", patientId)
                .setOnInsert("siteId", siteId)
                .setOnInsert("openedAt", at);
        for (int attempt = 1; ; attempt++) {
            try {
                UpdateResult result = mongo.upsert(notNewer, set, PatientAccount.class, COLLECTION);
                return result.getUpsertedId() != null || result.getModifiedCount() > 0;
            } catch (DuplicateKeyException collided) {
                // the account exists and the filter missed it: a newer event set it, or another
                // event's upsert inserted it at the same moment (then the second attempt matches it)
                if (attempt == 2) {
                    return false;
                }
            }
        }
    }

    @Override
    public Optional<PatientAccount> find(String patientId, String siteId) {
        return Optional.ofNullable(
                mongo.findById(PatientAccount.idOf(patientId, siteId), PatientAccount.class, COLLECTION));
    }

    @Override
    public List<PatientAccount> of(String patientId) {
        return mongo.find(
                Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by("openedAt", "_id")),
                PatientAccount.class,
                COLLECTION);
    }

    @Override
    public Page<PatientAccount> page(
            @Nullable Collection<String> siteIds, @Nullable String patientId, PageRequest page) {
        Pageable pageable = SpringDataPages.toPageable(page);
        Criteria wanted = new Criteria();
        if (siteIds != null) {
            wanted = wanted.and("siteId").in(siteIds);
        }
        if (patientId != null) {
            wanted = wanted.and("patientId").is(patientId);
        }
        Query query = Query.query(wanted);
        long total = mongo.count(query, PatientAccount.class, COLLECTION);
        List<PatientAccount> content = mongo.find(
                Query.of(query).with(Sort.by("openedAt", "_id")).with(pageable), PatientAccount.class, COLLECTION);
        return new Page<>(content, page, total);
    }

    @Override
    public List<PatientAccount> opened(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit) {
        Criteria opened = Criteria.where("openedAt").lt(before);
        if (since != null) {
            opened = opened.gte(since);
        }
        return mongo.find(
                Query.query((siteIds == null
                                        ? new Criteria()
                                        : Criteria.where("siteId").in(siteIds))
                                .andOperator(opened))
                        .with(Sort.by("openedAt", "_id"))
                        .skip(offset)
                        .limit(limit),
                PatientAccount.class,
                COLLECTION);
    }

    @Override
    public long count() {
        return mongo.count(new Query(), PatientAccount.class, COLLECTION);
    }

    @Override
    public List<PatientAccount> all() {
        return mongo.findAll(PatientAccount.class, COLLECTION);
    }

    /**
     * Moves accounts stored before accounts were per site (one per patient, {@code _id} the patient
     * id) to the id of their patient and recorded site, before any listener runs. Idempotent.
     */
    @Override
    public void afterSingletonsInstantiated() {
        migrateSingleAccounts();
    }

    /** See {@link #afterSingletonsInstantiated()}; public for the test that stores a legacy account. */
    public void migrateSingleAccounts() {
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
}
