package org.clinicops.platform.fhir.export;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The bulk export's use cases: kick-off (checked, stored, queued), the status of a job, its cancel and
 * its files, each for the job's owner only (anyone else gets the 404 of a job that does not exist);
 * and the upkeep: the heartbeat of the jobs this instance holds, failing jobs whose instance stopped,
 * deleting expired jobs and files. Times come from the injected clock.
 */
public final class FhirExports {

    private static final Logger log = LoggerFactory.getLogger(FhirExports.class);

    /** Who may export: operators of the sites and ADMIN. */
    static final Set<Role> EXPORTERS = Set.of(Role.OPERATOR, Role.ADMIN);

    /**
     * The roles that see identity and contact fields through the services' reads (intake's {@code
     * FhirPatientController.SEE_IDENTITY}, checked by its test): of the exporters, ADMIN only.
     */
    public static final Set<Role> IDENTITY_ROLES = Set.of(Role.ADMIN, Role.INTAKE, Role.CLINICIAN);

    static final Set<String> OUTPUT_FORMATS = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
    private static final Set<String> PARAMETERS = Set.of("_outputFormat", "_type", "_since");
    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern JOB_ID = Pattern.compile("exp_[A-Za-z0-9_-]{1,40}");
    private static final int SWEEP_BATCH = 100;

    private final ExportJobs jobs;
    private final ExportFiles files;
    private final ExportRunner runner;
    private final List<FhirExportSource> sources;
    private final Clock clock;
    private final IdGenerator ids;
    private final FhirExportProperties properties;
    private final ThreadPoolExecutor executor;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    FhirExports(
            ExportJobs jobs,
            ExportFiles files,
            ExportRunner runner,
            List<FhirExportSource> sources,
            Clock clock,
            IdGenerator ids,
            FhirExportProperties properties) {
        this.jobs = jobs;
        this.files = files;
        this.runner = runner;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.ids = ids;
        this.properties = properties;
        this.executor = new ThreadPoolExecutor(
                properties.threads(),
                properties.threads(),
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(properties.queue()),
                daemonThreads());
        this.executor.allowCoreThreadTimeOut(true);
    }

    private static CustomizableThreadFactory daemonThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("fhir-export-");
        threads.setDaemon(true);
        return threads;
    }

    /** A kick-off's parameters as given (each may be absent). */
    record KickOff(
            boolean patientLevel,
            String request,
            @Nullable String prefer,
            List<String> outputFormat,
            List<String> type,
            List<String> since,
            Set<String> otherParameters) {}

    /**
     * Checks a kick-off and queues its job.
     *
     * @throws InvalidRequestException (400) for a missing {@code Prefer: respond-async}, an output
     *     format other than NDJSON, a type not exported, a {@code _since} that is not a FHIR instant or
     *     a parameter this server does not take
     * @throws TooManyExportsException (429) when this instance's queue is full
     */
    ExportJob kickOff(StaffUser caller, KickOff kickOff) {
        requireExporter(caller);
        if (kickOff.prefer() == null
                || List.of(kickOff.prefer().toLowerCase(Locale.ROOT).split("[,;]")).stream()
                        .map(String::trim)
                        .noneMatch("respond-async"::equals)) {
            throw new InvalidRequestException("Prefer", "must be respond-async: the export runs asynchronously");
        }
        for (String parameter : kickOff.otherParameters()) {
            if (!PARAMETERS.contains(parameter)) {
                throw new InvalidRequestException(
                        truncate(parameter), "is not supported (this server takes _outputFormat, _type and _since)");
            }
        }
        for (String format : kickOff.outputFormat()) {
            // an unencoded '+' in a query string arrives as a space
            if (!OUTPUT_FORMATS.contains(format.trim().replace(' ', '+'))) {
                throw new InvalidRequestException(
                        "_outputFormat", "must be application/fhir+ndjson (or application/ndjson, ndjson)");
            }
        }
        List<String> types = types(kickOff.patientLevel(), kickOff.type());
        Instant since = since(kickOff.since());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ExportJob job = jobs.insert(new ExportJob(
                ids.next("exp_"),
                caller.username(),
                ExportJob.Status.ACCEPTED,
                kickOff.request(),
                types,
                kickOff.patientLevel(),
                caller.sites(),
                caller.allSites(),
                since,
                caller.roles().stream().anyMatch(IDENTITY_ROLES::contains),
                now,
                now.plus(properties.retention()),
                now,
                0,
                List.of(),
                List.of()));
        held.add(job.id());
        try {
            executor.execute(() -> {
                try {
                    runner.run(job.id());
                } finally {
                    held.remove(job.id());
                }
            });
        } catch (RejectedExecutionException full) {
            held.remove(job.id());
            jobs.delete(job.id());
            throw new TooManyExportsException();
        }
        return job;
    }

    /** The types to export: those named (each exported at this level), else every one, in a fixed order. */
    private List<String> types(boolean patientLevel, List<String> named) {
        Set<String> exported = new LinkedHashSet<>();
        sources.stream()
                .filter(source -> !patientLevel || source.patientCompartment())
                .map(FhirExportSource::type)
                .sorted()
                .forEach(exported::add);
        if (named.isEmpty()) {
            return List.copyOf(exported);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String value : named) {
            for (String type : value.split(",")) {
                String trimmed = type.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!exported.contains(trimmed)) {
                    throw new InvalidRequestException(
                            "_type",
                            "names " + truncate(trimmed) + ", which this service does not export"
                                    + (patientLevel ? " at patient level" : "") + " (it exports "
                                    + String.join(", ", exported) + ")");
                }
                wanted.add(trimmed);
            }
        }
        if (wanted.isEmpty()) {
            throw new InvalidRequestException("_type", "names no type");
        }
        return exported.stream().filter(wanted::contains).toList();
    }

    private static @Nullable Instant since(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidRequestException("_since", "may be given once");
        }
        String value = values.get(0).trim();
        if (!INSTANT.matcher(value).matches()) {
            throw new InvalidRequestException("_since", "is not a FHIR instant (e.g. 2026-11-02T09:00:00Z)");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("_since", "is not a FHIR instant (e.g. 2026-11-02T09:00:00Z)");
        }
    }

    /** The caller's own job; a job of anyone else, a cancelled or an unknown one is a 404. */
    ExportJob job(StaffUser caller, String jobId) {
        requireExporter(caller);
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new NotFoundException("export", truncate(jobId));
        }
        return jobs.find(jobId)
                .filter(job -> job.owner().equals(caller.username()))
                .filter(job -> job.status() != ExportJob.Status.CANCELLED)
                .filter(job -> job.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new NotFoundException("export", jobId));
    }

    /** Cancels the caller's job: a running one stops at its next check, its files are deleted. */
    void cancel(StaffUser caller, String jobId) {
        ExportJob job = job(caller, jobId);
        jobs.cancel(job.id()).ifPresent(before -> {
            if (!before.status().active()) {
                files.delete(before.fileIds());
                jobs.delete(before.id());
            }
        });
    }

    /** One output file of the caller's completed job. */
    Download file(StaffUser caller, String jobId, String name) {
        ExportJob job = job(caller, jobId);
        if (job.status() != ExportJob.Status.COMPLETED) {
            throw new NotFoundException("export file", truncate(name));
        }
        ExportJob.Output output = job.outputs().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("export file", truncate(name)));
        InputStream content = files.open(output.fileId()).orElseThrow(() -> new NotFoundException("export file", name));
        return new Download(output, files.patients(output.fileId()), content);
    }

    /** A file to send, and the patients whose resources it holds. */
    record Download(ExportJob.Output output, List<String> patientIds, InputStream content) {}

    /** Marks the jobs this instance holds alive, and fails the jobs whose instance stopped beating. */
    void heartbeat() {
        Instant now = clock.instant();
        jobs.heartbeat(new ArrayList<>(held), now);
        for (String stale : jobs.stale(now.minus(properties.staleAfter()))) {
            if (!held.contains(stale) && jobs.fail(stale)) {
                log.warn("FHIR export {} was left unfinished (its instance stopped): marked failed", stale);
                jobs.find(stale).ifPresent(job -> files.delete(job.fileIds()));
            }
        }
    }

    /** At start-up: every job this instance could have held, i.e. any not beating any more, failed now. */
    void failInterrupted() {
        heartbeat();
    }

    /** Deletes the jobs and files whose retention ended; how many jobs. */
    int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        List<ExportJob> expired;
        do {
            expired = jobs.expired(now, SWEEP_BATCH);
            for (ExportJob job : expired) {
                if (job.status().active()) {
                    jobs.cancel(job.id());
                }
                files.delete(job.fileIds());
                jobs.delete(job.id());
                deleted++;
            }
        } while (expired.size() == SWEEP_BATCH);
        long orphans = files.deleteExpired(now);
        if (deleted > 0 || orphans > 0) {
            log.info("Removed {} expired FHIR export job(s) and {} file(s) left without one", deleted, orphans);
        }
        return deleted;
    }

    /**
     * Stops the runners and waits a little for them to mark their jobs failed (a job still running
     * then is failed by the next start's or another instance's check).
     */
    void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance holds the job (queued or running). */
    boolean holds(String jobId) {
        return held.contains(jobId);
    }

    private static void requireExporter(StaffUser caller) {
        if (caller.roles().stream().noneMatch(EXPORTERS::contains)) {
            throw new AccessDeniedException("Bulk export is for OPERATOR and ADMIN");
        }
    }

    private static String truncate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** 429: this instance runs and queues as many exports as it takes. */
    static final class TooManyExportsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyExportsException() {
            super("Too many exports are running; try again later");
        }
    }

    Optional<ExportJob> find(String jobId) {
        return jobs.find(jobId);
    }
}
