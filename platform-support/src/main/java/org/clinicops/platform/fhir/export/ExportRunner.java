package org.clinicops.platform.fhir.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.mongodb.client.gridfs.GridFSUploadStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.fhir.FhirParams;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one job: each type's sources in turn into that type's NDJSON files (one resource per line),
 * a new file when one holds {@code max-resources-per-file} resources or resources of {@code
 * max-patients-per-file} patients. Memory stays bounded: a resource goes to the file as the source
 * hands it over, and a file keeps only its patients' ids. A cancel is noticed within {@value
 * #CHECK_EVERY} resources; a failure drops every file of the job and marks it failed.
 */
final class ExportRunner {

    private static final Logger log = LoggerFactory.getLogger(ExportRunner.class);
    /** How many resources are written between two looks at the job (cancelled?) and progress saves. */
    static final int CHECK_EVERY = 500;

    private final ExportJobs jobs;
    private final ExportFiles files;
    private final FhirContext fhir;
    private final List<FhirExportSource> sources;
    private final Clock clock;
    private final FhirExportProperties properties;

    ExportRunner(
            ExportJobs jobs,
            ExportFiles files,
            FhirContext fhir,
            List<FhirExportSource> sources,
            Clock clock,
            FhirExportProperties properties) {
        this.jobs = jobs;
        this.files = files;
        this.fhir = fhir;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.properties = properties;
    }

    /** Runs the job if it is still queued. */
    void run(String jobId) {
        if (!jobs.start(jobId, clock.instant())) {
            return;
        }
        ExportJob job = jobs.find(jobId).orElse(null);
        if (job == null) {
            return;
        }
        Progress progress = new Progress(job.id());
        try {
            FhirExportScope scope = job.scope();
            for (String type : job.types()) {
                TypeFiles out = new TypeFiles(job, type, progress);
                try {
                    for (FhirExportSource source : sources) {
                        if (source.type().equals(type) && (!job.patientLevel() || source.patientCompartment())) {
                            source.export(scope, out::write);
                        }
                    }
                    out.finish();
                } catch (RuntimeException e) {
                    out.abort();
                    throw e;
                }
            }
            if (!jobs.complete(jobId)) {
                discard(jobId);
            }
        } catch (Cancelled cancelled) {
            discard(jobId);
        } catch (RuntimeException e) {
            log.error("FHIR export {} failed", jobId, e);
            try {
                jobs.fail(jobId);
                jobs.find(jobId).ifPresent(failed -> files.delete(failed.fileIds()));
            } catch (RuntimeException unrecorded) {
                // MongoDB is gone too: the heartbeat check fails the job once this instance stops beating
                log.warn("FHIR export {} could not be marked failed", jobId, unrecorded);
            }
        }
    }

    /** Drops a cancelled job and its files. */
    private void discard(String jobId) {
        jobs.find(jobId).ifPresent(job -> files.delete(job.fileIds()));
        jobs.delete(jobId);
    }

    /**
     * The patient a resource is about: a Patient's own id, else its {@code subject} or {@code
     * patient} reference to a Patient; null when it names none.
     */
    static @Nullable String patientOf(Resource resource) {
        if (resource.fhirType().equals("Patient")) {
            return resource.getIdPart() == null ? null : FhirParams.id(resource.getIdPart(), "id");
        }
        for (String name : List.of("subject", "patient")) {
            Property property = resource.getNamedProperty(name);
            if (property == null) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof Reference reference
                        && reference.getReferenceElement().getResourceType() != null
                        && reference.getReferenceElement().getResourceType().equals("Patient")
                        && reference.getReferenceElement().getIdPart() != null) {
                    return FhirParams.id(reference.getReferenceElement().getIdPart(), name);
                }
            }
        }
        return null;
    }

    /** Counts what was written, saves it now and then and stops the run once the job is cancelled. */
    private final class Progress {
        private final String jobId;
        private long written;

        Progress(String jobId) {
            this.jobId = jobId;
        }

        void wrote() {
            written++;
            if (written % CHECK_EVERY == 0) {
                check();
                jobs.progress(jobId, written);
            }
        }

        void check() {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("The service is stopping");
            }
            if (jobs.status(jobId) != ExportJob.Status.RUNNING) {
                throw new Cancelled();
            }
        }
    }

    /** The files of one type: the one being written, and how many came before it. */
    private final class TypeFiles {
        private final ExportJob job;
        private final String type;
        private final Progress progress;
        private final IParser parser = fhir.newJsonParser().setPrettyPrint(false);
        private int files;
        private @Nullable GridFSUploadStream upload;
        private @Nullable Writer writer;
        private long count;
        private final Set<String> patients = new LinkedHashSet<>();

        TypeFiles(ExportJob job, String type, Progress progress) {
            this.job = job;
            this.type = type;
            this.progress = progress;
        }

        void write(Resource resource) {
            if (!resource.fhirType().equals(type)) {
                throw new IllegalStateException("A " + type + " source wrote a " + resource.fhirType());
            }
            String patient = patientOf(resource);
            boolean newPatient = patient != null && !patients.contains(patient);
            if (writer != null
                    && (count >= properties.maxResourcesPerFile()
                            || (newPatient && patients.size() >= properties.maxPatientsPerFile()))) {
                finish();
            }
            try {
                if (writer == null) {
                    open();
                }
                writer.write(parser.encodeResourceToString(resource));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            if (patient != null) {
                patients.add(patient);
            }
            progress.wrote();
        }

        private void open() {
            progress.check();
            files++;
            GridFSUploadStream stream =
                    ExportRunner.this.files.create(job.id(), type + "-" + files + ".ndjson", job.expiresAt());
            jobs.fileStarted(job.id(), stream.getObjectId());
            upload = stream;
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            count = 0;
            patients.clear();
        }

        /** Closes the file being written, if any, and lists it in the job. */
        void finish() {
            GridFSUploadStream stream = upload;
            Writer open = writer;
            if (stream == null || open == null) {
                return;
            }
            try {
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            upload = null;
            writer = null;
            ExportRunner.this.files.recordPatients(stream.getObjectId(), patients);
            progress.check();
            jobs.fileFinished(
                    job.id(),
                    new ExportJob.Output(type, type + "-" + files + ".ndjson", stream.getObjectId(), count),
                    progress.written);
        }

        /** Drops the file being written. */
        void abort() {
            if (upload != null) {
                try {
                    upload.abort();
                } catch (RuntimeException e) {
                    log.debug("could not drop a partial export file", e);
                }
                upload = null;
                writer = null;
            }
        }
    }

    /** The owner cancelled the job while it ran. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
