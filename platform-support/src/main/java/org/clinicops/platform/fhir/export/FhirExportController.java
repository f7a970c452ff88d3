package org.clinicops.platform.fhir.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.security.SiteAccess;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * FHIR Bulk Data export (Bulk Data Access v2): {@code GET /fhir/r4/$export} (every type) and {@code
 * GET /fhir/r4/Patient/$export} (the Patient compartment's types) start a job and answer 202 with the
 * {@code Content-Location} of its status; {@code GET} there answers 202 with {@code X-Progress} while
 * it runs, 200 with the manifest when done, 500 with an {@code OperationOutcome} when it failed;
 * {@code DELETE} cancels it (202); each output URL serves one NDJSON file. For OPERATOR and ADMIN, at
 * their sites, each job for the caller who started it only; every call is audited.
 */
@RestController
@FhirApi
class FhirExportController {

    static final String SYSTEM = FhirOutcomes.BASE + "/$export";
    static final String PATIENT = FhirOutcomes.BASE + "/Patient/$export";
    static final String STATUS = FhirOutcomes.BASE + "/$export-status/{jobId}";
    static final String FILE = FhirOutcomes.BASE + "/$export-file/{jobId}/{file}";
    static final String NDJSON = "application/fhir+ndjson";
    private static final String AUDIT_OBJECT = "$export";

    private final FhirExports exports;

    FhirExportController(FhirExports exports) {
        this.exports = exports;
    }

    @GetMapping(SYSTEM)
    ResponseEntity<Void> system(
            @RequestHeader(name = "Prefer", required = false) @Nullable String prefer,
            @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request) {
        return kickOff(false, prefer, parameters, request);
    }

    @GetMapping(PATIENT)
    ResponseEntity<Void> patient(
            @RequestHeader(name = "Prefer", required = false) @Nullable String prefer,
            @RequestParam MultiValueMap<String, String> parameters,
            HttpServletRequest request) {
        return kickOff(true, prefer, parameters, request);
    }

    private ResponseEntity<Void> kickOff(
            boolean patientLevel,
            @Nullable String prefer,
            MultiValueMap<String, String> parameters,
            HttpServletRequest request) {
        Audit.object(AUDIT_OBJECT, null);
        String url = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
        ExportJob job = exports.kickOff(
                SiteAccess.currentUser(),
                new FhirExports.KickOff(
                        patientLevel,
                        url,
                        prefer,
                        values(parameters, "_outputFormat"),
                        values(parameters, "_type"),
                        values(parameters, "_since"),
                        new HashSet<>(parameters.keySet())));
        Audit.object(AUDIT_OBJECT, job.id());
        return ResponseEntity.accepted()
                .header(HttpHeaders.CONTENT_LOCATION, statusUrl(job.id()))
                .build();
    }

    @GetMapping(STATUS)
    ResponseEntity<?> status(@PathVariable String jobId) {
        Audit.object(AUDIT_OBJECT, jobId);
        ExportJob job = exports.job(SiteAccess.currentUser(), jobId);
        return switch (job.status()) {
            case ACCEPTED, RUNNING ->
                ResponseEntity.accepted()
                        .header(
                                "X-Progress",
                                job.status() == ExportJob.Status.ACCEPTED
                                        ? "queued"
                                        : "running: " + job.written() + " resources written")
                        .header(HttpHeaders.RETRY_AFTER, "2")
                        .build();
            case FAILED ->
                ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .contentType(MediaType.parseMediaType(FhirOutcomes.FHIR_JSON))
                        .body(FhirOutcomes.error(
                                IssueType.EXCEPTION, "The export failed inside the service; start a new one"));
            case COMPLETED ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                HttpHeaders.EXPIRES,
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        job.expiresAt().atOffset(ZoneOffset.UTC)))
                        .body(manifest(job));
            case CANCELLED -> throw new IllegalStateException("a cancelled job is not found");
        };
    }

    @DeleteMapping(STATUS)
    ResponseEntity<Void> cancel(@PathVariable String jobId) {
        Audit.object(AUDIT_OBJECT, jobId);
        exports.cancel(SiteAccess.currentUser(), jobId);
        return ResponseEntity.accepted().build();
    }

    @GetMapping(FILE)
    void file(@PathVariable String jobId, @PathVariable String file, HttpServletResponse response) throws IOException {
        Audit.object(AUDIT_OBJECT, jobId + "/" + file);
        FhirExports.Download download = exports.file(SiteAccess.currentUser(), jobId, file);
        Audit.patients(download.patientIds());
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        try (InputStream content = download.content()) {
            content.transferTo(response.getOutputStream());
        }
    }

    /** The manifest of a completed job (Bulk Data Access v2's complete-status body). */
    record Manifest(
            String transactionTime,
            String request,
            boolean requiresAccessToken,
            List<Output> output,
            List<Object> error) {}

    /** One file of the manifest. */
    record Output(String type, String url, long count) {}

    private static Manifest manifest(ExportJob job) {
        String base = FhirBundles.base();
        return new Manifest(
                DateTimeFormatter.ISO_INSTANT.format(job.transactionTime()),
                job.request(),
                true,
                job.outputs().stream()
                        .map(o -> new Output(o.type(), base + "/$export-file/" + job.id() + "/" + o.name(), o.count()))
                        .toList(),
                List.of());
    }

    @ExceptionHandler(FhirExports.TooManyExportsException.class)
    ResponseEntity<OperationOutcome> tooMany(FhirExports.TooManyExportsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Duration.ofSeconds(30).toSeconds()))
                .contentType(MediaType.parseMediaType(FhirOutcomes.FHIR_JSON))
                .body(FhirOutcomes.error(IssueType.THROTTLED, e.getMessage()));
    }

    private static String statusUrl(String jobId) {
        return FhirBundles.base() + "/$export-status/" + jobId;
    }

    private static List<String> values(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null ? List.of() : values;
    }
}
