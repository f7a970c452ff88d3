package org.clinicops.platform.fhir.export;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The NDJSON files of the exports, in the GridFS bucket {@value #BUCKET} of the service's database
 * (MongoDB's own chunked file store, through the driver's {@link GridFSBucket}: its upload stream is
 * an {@code OutputStream}, so a file is written resource by resource in 255 kB chunks without a
 * second thread or a pipe, which Spring's {@code GridFsTemplate.store(InputStream, …)} would need).
 * Each file's metadata names its job, when it expires and the patients whose resources it holds.
 */
final class ExportFiles {

    static final String BUCKET = "fhir_export";
    private static final String CHUNKS = BUCKET + ".chunks";
    private static final String FILES = BUCKET + ".files";

    private final MongoDatabase database;
    private final GridFSBucket bucket;

    ExportFiles(MongoDatabase database) {
        this.database = database;
        this.bucket = GridFSBuckets.create(database, BUCKET);
    }

    /** A new file of the job, open for writing; {@link GridFSUploadStream#abort()} drops it. */
    GridFSUploadStream create(String jobId, String name, Instant expiresAt) {
        return bucket.openUploadStream(
                jobId + "/" + name,
                new GridFSUploadOptions()
                        .metadata(new Document("jobId", jobId)
                                .append("contentType", "application/fhir+ndjson")
                                .append("expiresAt", Date.from(expiresAt))));
    }

    /** Records the patients a finished file serves, for the audit entry of each download. */
    void recordPatients(ObjectId fileId, Collection<String> patientIds) {
        database.getCollection(FILES)
                .updateOne(Filters.eq("_id", fileId), Updates.set("metadata.patientIds", List.copyOf(patientIds)));
    }

    /** The patients the file serves (empty for a file of resources about no patient). */
    List<String> patients(ObjectId fileId) {
        GridFSFile file = bucket.find(Filters.eq("_id", fileId)).first();
        if (file == null || file.getMetadata() == null) {
            return List.of();
        }
        return file.getMetadata().getList("patientIds", String.class, List.of());
    }

    /** The file's content, or empty when it is gone. */
    Optional<InputStream> open(ObjectId fileId) {
        if (bucket.find(Filters.eq("_id", fileId)).first() == null) {
            return Optional.empty();
        }
        return Optional.of(bucket.openDownloadStream(fileId));
    }

    /**
     * Deletes the files (and chunks of files never finished: a crash mid-file leaves chunks without
     * a file document, which {@code GridFSBucket.delete} would refuse to find).
     */
    void delete(Collection<ObjectId> fileIds) {
        if (fileIds.isEmpty()) {
            return;
        }
        List<ObjectId> ids = new ArrayList<>(fileIds);
        database.getCollection(FILES).deleteMany(Filters.in("_id", ids));
        database.getCollection(CHUNKS).deleteMany(Filters.in("files_id", ids));
    }

    /** Deletes files whose retention ended, whatever became of their job; how many. */
    long deleteExpired(Instant now) {
        List<ObjectId> ids = new ArrayList<>();
        bucket.find(Filters.lte("metadata.expiresAt", Date.from(now)))
                .limit(1000)
                .forEach(file -> ids.add(file.getObjectId()));
        delete(ids);
        return ids.size();
    }
}
