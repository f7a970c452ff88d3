package org.clinicops.billing.assistance.adapter.mongo;

import java.util.List;
import java.util.Optional;
import org.clinicops.billing.assistance.application.SeriesPackageRepository;
import org.clinicops.billing.assistance.domain.SeriesPackage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Series packages in {@code series_packages}: a session is used with one atomic update of the
 * package (remaining down by one, the appointment kept), so no package is used twice for an
 * appointment.
 */
@Component
class MongoSeriesPackages implements SeriesPackageRepository {

    static final String COLLECTION = "series_packages";

    private final MongoTemplate mongo;

    MongoSeriesPackages(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("patientId", Sort.Direction.ASC).named("patientId"));
    }

    @Override
    public void insert(SeriesPackage sold) {
        mongo.insert(sold, COLLECTION);
    }

    @Override
    public Optional<SeriesPackage> covering(String patientId, String appointmentId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("patientId")
                        .is(patientId)
                        .and("appointmentIds")
                        .is(appointmentId)),
                SeriesPackage.class,
                COLLECTION));
    }

    @Override
    public Optional<SeriesPackage> useOneSession(String patientId, String siteId, String appointmentId) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("patientId")
                                .is(patientId)
                                .and("siteId")
                                .is(siteId)
                                .and("remaining")
                                .gt(0))
                        .with(Sort.by("purchasedAt")),
                new Update().inc("remaining", -1).push("appointmentIds", appointmentId),
                FindAndModifyOptions.options().returnNew(true),
                SeriesPackage.class,
                COLLECTION));
    }

    @Override
    public List<SeriesPackage> ofPatient(String patientId) {
        return mongo.find(
                Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by("purchasedAt")),
                SeriesPackage.class,
                COLLECTION);
    }
}
