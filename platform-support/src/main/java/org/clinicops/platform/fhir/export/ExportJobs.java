package org.clinicops.platform.fhir.export;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.clinicops.platform.fhir.export.ExportJob.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The jobs in {@code fhir_export_jobs}. Every change of status is a conditional update on the status
 * it leaves, so a cancel, the runner and the sweeps of several instances never undo each other.
 */
final class ExportJobs {

    private final MongoTemplate mongo;

    ExportJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(ExportJob.class).createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
        mongo.indexOps(ExportJob.class)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("heartbeatAt", Sort.Direction.ASC));
    }

    ExportJob insert(ExportJob job) {
        return mongo.insert(job);
    }

    Optional<ExportJob> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ExportJob.class));
    }

    /** Moves a queued job to RUNNING; false when it is no longer queued (cancelled, failed by a sweep). */
    boolean start(String id, Instant now) {
        return change(
                id, Status.ACCEPTED, Update.update("status", Status.RUNNING).set("heartbeatAt", now));
    }

    /** Records a file before its first chunk is written, so a crash leaves no chunk nobody names. */
    void fileStarted(String id, ObjectId fileId) {
        mongo.updateFirst(byId(id), new Update().push("fileIds", fileId), ExportJob.class);
    }

    /** Records a finished file and the resources written so far. */
    void fileFinished(String id, ExportJob.Output output, long written) {
        mongo.updateFirst(byId(id), new Update().push("outputs", output).set("written", written), ExportJob.class);
    }

    /** The progress shown while it runs. */
    void progress(String id, long written) {
        mongo.updateFirst(byId(id), Update.update("written", written), ExportJob.class);
    }

    @Nullable
    Status status(String id) {
        Document job = mongo.getCollection(ExportJob.COLLECTION)
                .find(Filters.eq("_id", id))
                .projection(Projections.include("status"))
                .first();
        return job == null ? null : Status.valueOf(job.getString("status"));
    }

    /** RUNNING → COMPLETED; false when it was cancelled or failed meanwhile. */
    boolean complete(String id) {
        return change(id, Status.RUNNING, Update.update("status", Status.COMPLETED));
    }

    /** A queued or running job → FAILED; false when it was not active. */
    boolean fail(String id) {
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and("status")
                                        .in(Status.ACCEPTED, Status.RUNNING)),
                                Update.update("status", Status.FAILED),
                                ExportJob.class)
                        .getModifiedCount()
                > 0;
    }

    /** Marks the job cancelled; the job as it was before, if it was not cancelled already. */
    Optional<ExportJob> cancel(String id) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").ne(Status.CANCELLED)),
                Update.update("status", Status.CANCELLED),
                FindAndModifyOptions.options().returnNew(false),
                ExportJob.class));
    }

    void delete(String id) {
        mongo.remove(byId(id), ExportJob.class);
    }

    /** The jobs held by this instance are still queued or running. */
    void heartbeat(Collection<String> ids, Instant now) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(
                    Query.query(Criteria.where("_id").in(ids).and("status").in(Status.ACCEPTED, Status.RUNNING)),
                    Update.update("heartbeatAt", now),
                    ExportJob.class);
        }
    }

    /** Queued or running jobs nobody marked alive since the cutoff: their instance stopped. */
    List<String> stale(Instant cutoff) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(ExportJob.COLLECTION)
                .find(Filters.and(
                        Filters.in("status", Status.ACCEPTED.name(), Status.RUNNING.name()),
                        Filters.lt("heartbeatAt", Date.from(cutoff))))
                .projection(Projections.include("_id"))
                .forEach(job -> ids.add(job.getString("_id")));
        return ids;
    }

    /** Jobs whose retention ended. */
    List<ExportJob> expired(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("expiresAt").lte(now)).limit(limit), ExportJob.class);
    }

    private boolean change(String id, Status from, Update update) {
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and("status")
                                        .is(from)),
                                update,
                                ExportJob.class)
                        .getModifiedCount()
                > 0;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
