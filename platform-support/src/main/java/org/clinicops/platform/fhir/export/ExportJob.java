package org.clinicops.platform.fhir.export;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.types.ObjectId;
import org.clinicops.platform.fhir.FhirExportScope;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bulk export, as stored in {@code fhir_export_jobs}: who asked, what for, where it stands and
 * the files it wrote. Never a resource or a patient's data (the patients a file serves are kept with
 * the file, {@link ExportFiles}).
 *
 * @param owner the username that started it: only they poll, download and cancel it
 * @param request the kick-off URL, as the manifest repeats it
 * @param types the types exported, in the order written
 * @param patientLevel whether it is a {@code Patient/$export} (only patient-compartment sources)
 * @param fileIds every GridFS file started for it, finished or not (a crash mid-file leaves chunks
 *     only these ids name)
 * @param heartbeatAt when the instance holding it last said it is still queued or running
 */
@Document(ExportJob.COLLECTION)
record ExportJob(
        @Id String id,
        String owner,
        Status status,
        String request,
        List<String> types,
        boolean patientLevel,
        Set<String> siteIds,
        boolean allSites,
        @Nullable Instant since,
        boolean identity,
        Instant transactionTime,
        Instant expiresAt,
        Instant heartbeatAt,
        long written,
        List<Output> outputs,
        List<ObjectId> fileIds) {

    static final String COLLECTION = "fhir_export_jobs";

    ExportJob {
        types = List.copyOf(types);
        siteIds = Set.copyOf(siteIds);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
    }

    /** Where a job stands. */
    enum Status {
        /** Queued on this instance's executor. */
        ACCEPTED,
        RUNNING,
        COMPLETED,
        /** Failed inside the service (or its instance stopped): its status answers 500. */
        FAILED,
        /** Deleted by its owner; its files are being removed and it answers 404. */
        CANCELLED;

        boolean active() {
            return this == ACCEPTED || this == RUNNING;
        }
    }

    /**
     * One finished file.
     *
     * @param name its name in the file URL ({@code Patient-1.ndjson})
     * @param count resources in it
     */
    record Output(String type, String name, ObjectId fileId, long count) {}

    FhirExportScope scope() {
        return new FhirExportScope(siteIds, since, transactionTime, identity, allSites);
    }
}
