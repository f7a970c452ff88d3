package org.clinicops.platform.fhir.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.StaffUser;
import org.clinicops.platform.test.InMemoryMongo;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;

/** A job's life with a fixed clock: kick-off checks, run, files and their patients, cancel, expiry, a crashed run. */
class FhirExportLifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final StaffUser OPERATOR_DEN = new StaffUser("op-den", Set.of(Role.OPERATOR), Set.of("den"), false);
    static final StaffUser OTHER_OPERATOR = new StaffUser("op-2", Set.of(Role.OPERATOR), Set.of("den"), false);
    static final StaffUser ADMIN = new StaffUser("admin", Set.of(Role.ADMIN), Set.of(), true);

    final SetClock clock = new SetClock();
    final AtomicInteger sequence = new AtomicInteger();
    final List<FhirExportScope> scopes = new ArrayList<>();
    MongoClient client;
    MongoTemplate mongo;
    ExportJobs jobs;
    ExportFiles files;
    FhirExports exports;

    /** Five patients at den (two observations each), one at bos; writes what the scope covers. */
    final FhirExportSource patients = new FhirExportSource() {
        @Override
        public String type() {
            return "Patient";
        }

        @Override
        public void export(FhirExportScope scope, Consumer<Resource> out) {
            scopes.add(scope);
            for (int i = 1; i <= 6; i++) {
                String site = i == 6 ? "bos" : "den";
                if (scope.covers(site)) {
                    Patient patient = new Patient();
                    patient.setId("p.den" + i);
                    patient.getMeta().setLastUpdated(Date.from(T0.minusSeconds(60)));
                    if (scope.identity()) {
                        patient.addName().setFamily("Identity" + i);
                    }
                    out.accept(patient);
                }
            }
        }
    };

    final FhirExportSource observations = new FhirExportSource() {
        @Override
        public String type() {
            return "Observation";
        }

        @Override
        public void export(FhirExportScope scope, Consumer<Resource> out) {
            for (int i = 1; i <= 5; i++) {
                for (int n = 0; n < 2; n++) {
                    Observation observation = new Observation();
                    observation.setId("o" + i + "-" + n);
                    observation.setStatus(Observation.ObservationStatus.FINAL);
                    observation.getCode().setText("score");
                    observation.setSubject(new Reference("Patient/p.den" + i));
                    out.accept(observation);
                }
            }
        }
    };

    final FhirExportSource devices = new FhirExportSource() {
        @Override
        public String type() {
            return "Device";
        }

        @Override
        public boolean patientCompartment() {
            return false;
        }

        @Override
        public void export(FhirExportScope scope, Consumer<Resource> out) {}
    };

    @BeforeEach
    void store() {
        client = MongoClients.create("mongodb://" + InMemoryMongo.address());
        mongo = new MongoTemplate(client, "export_lifecycle_" + System.nanoTime());
        start(new FhirExportProperties(
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofSeconds(15),
                Duration.ofMinutes(2),
                1,
                4,
                10,
                2));
    }

    void start(FhirExportProperties properties) {
        jobs = new ExportJobs(mongo);
        files = new ExportFiles(mongo.getDb());
        List<FhirExportSource> sources = List.of(patients, observations, devices);
        exports = new FhirExports(
                jobs,
                files,
                new ExportRunner(jobs, files, FhirContext.forR4Cached(), sources, clock, properties),
                sources,
                clock,
                prefix -> prefix + "job" + sequence.incrementAndGet(),
                properties);
    }

    @AfterEach
    void close() {
        exports.shutdown();
        client.close();
    }

    @Test
    void aJobRunsAtTheCallersSitesAndSplitsFilesSoEachAuditEntryNamesEveryPatient() throws IOException {
        ExportJob started = exports.kickOff(OPERATOR_DEN, kickOff(false, List.of(), List.of()));
        assertThat(started.transactionTime()).isEqualTo(T0);
        assertThat(started.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(started.types()).containsExactly("Device", "Observation", "Patient");

        ExportJob done = completed(started.id());
        assertThat(scopes).singleElement().satisfies(scope -> {
            assertThat(scope.siteIds()).containsExactly("den");
            assertThat(scope.allSites()).isFalse();
            assertThat(scope.identity()).as("an OPERATOR sees no identity").isFalse();
            assertThat(scope.transactionTime()).isEqualTo(T0);
        });
        // at most 2 patients per file: 5 patients → 3 Patient files, 10 observations → 3 Observation files
        assertThat(done.outputs())
                .extracting(ExportJob.Output::name, ExportJob.Output::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Observation-1.ndjson", 4L),
                        org.assertj.core.groups.Tuple.tuple("Observation-2.ndjson", 4L),
                        org.assertj.core.groups.Tuple.tuple("Observation-3.ndjson", 2L),
                        org.assertj.core.groups.Tuple.tuple("Patient-1.ndjson", 2L),
                        org.assertj.core.groups.Tuple.tuple("Patient-2.ndjson", 2L),
                        org.assertj.core.groups.Tuple.tuple("Patient-3.ndjson", 1L));

        FhirExports.Download first = exports.file(OPERATOR_DEN, done.id(), "Patient-1.ndjson");
        assertThat(first.patientIds()).containsExactly("p_den1", "p_den2");
        String content = read(first.content());
        assertThat(content.split("\n"))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"resourceType\":\"Patient\""));
        assertThat(content).doesNotContain("Identity", "p.den6");
        assertThat(exports.file(OPERATOR_DEN, done.id(), "Observation-3.ndjson").patientIds())
                .containsExactly("p_den5");
    }

    @Test
    void onlyTheOwnerSeesAJobAndACancelDeletesItsFiles() {
        ExportJob done = completed(exports.kickOff(OPERATOR_DEN, kickOff(true, List.of("Patient"), List.of()))
                .id());
        assertThat(done.types()).containsExactly("Patient");
        assertThatThrownBy(() -> exports.job(OTHER_OPERATOR, done.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.file(OTHER_OPERATOR, done.id(), "Patient-1.ndjson"))
                .isInstanceOf(NotFoundException.class);

        exports.cancel(OPERATOR_DEN, done.id());

        assertThatThrownBy(() -> exports.job(OPERATOR_DEN, done.id())).isInstanceOf(NotFoundException.class);
        assertThat(jobs.find(done.id())).isEmpty();
        assertThat(mongo.getCollection("fhir_export.files").countDocuments()).isZero();
        assertThat(mongo.getCollection("fhir_export.chunks").countDocuments()).isZero();
    }

    @Test
    void jobsAndFilesExpireAfterTheRetentionByTheInjectedClock() {
        ExportJob done = completed(exports.kickOff(ADMIN, kickOff(false, List.of("Patient"), List.of()))
                .id());
        assertThat(done.scope().allSites()).isTrue();
        assertThat(done.scope().identity()).as("ADMIN sees identity").isTrue();
        assertThat(done.outputs()).hasSize(3);

        clock.set(T0.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(exports.sweep()).isZero();
        assertThat(exports.job(ADMIN, done.id()).outputs()).hasSize(3);

        clock.set(T0.plus(Duration.ofHours(24)));
        assertThatThrownBy(() -> exports.job(ADMIN, done.id()))
                .as("expired: gone for its owner before the sweep")
                .isInstanceOf(NotFoundException.class);
        assertThat(exports.sweep()).isEqualTo(1);
        assertThat(jobs.find(done.id())).isEmpty();
        assertThat(mongo.getCollection("fhir_export.files").countDocuments()).isZero();
        assertThat(mongo.getCollection("fhir_export.chunks").countDocuments()).isZero();
    }

    @Test
    void aJobLeftRunningByAStoppedInstanceIsFailedAndItsPartialFilesDropped() {
        ExportJob done = completed(exports.kickOff(OPERATOR_DEN, kickOff(false, List.of("Patient"), List.of()))
                .id());
        // as a crash mid-run leaves it: RUNNING, files started, no beat since
        mongo.getCollection(ExportJob.COLLECTION)
                .updateOne(
                        new org.bson.Document("_id", done.id()),
                        new org.bson.Document("$set", new org.bson.Document("status", "RUNNING")));
        clock.set(T0.plus(Duration.ofMinutes(1)));
        exports.failInterrupted();
        assertThat(jobs.find(done.id()).orElseThrow().status()).isEqualTo(ExportJob.Status.RUNNING);

        clock.set(T0.plus(Duration.ofMinutes(3)));
        exports.failInterrupted();

        assertThat(jobs.find(done.id()).orElseThrow().status()).isEqualTo(ExportJob.Status.FAILED);
        assertThat(exports.job(OPERATOR_DEN, done.id()).status()).isEqualTo(ExportJob.Status.FAILED);
        assertThat(mongo.getCollection("fhir_export.chunks").countDocuments()).isZero();
    }

    @Test
    void aKickOffIsCheckedBeforeAnyJobIsStored() {
        assertThatThrownBy(() -> exports.kickOff(OPERATOR_DEN, withPrefer(null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Prefer");
        assertThatThrownBy(() -> exports.kickOff(OPERATOR_DEN, kickOff(true, List.of("Device"), List.of())))
                .as("Device is not in the Patient compartment")
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> exports.kickOff(OPERATOR_DEN, kickOff(false, List.of("Patient,Encounter"), List.of())))
                .isInstanceOf(InvalidRequestException.class);
        for (String since : List.of("2026-11-02", "2026-11-02T09:00:00", "yesterday", "2026-13-02T09:00:00Z")) {
            assertThatThrownBy(() -> exports.kickOff(OPERATOR_DEN, kickOff(false, List.of(), List.of(since))))
                    .as(since)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> exports.kickOff(
                        new StaffUser("nurse", Set.of(Role.NURSE), Set.of("den"), false),
                        kickOff(false, List.of(), List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mongo.getCollection(ExportJob.COLLECTION).countDocuments()).isZero();

        ExportJob since =
                exports.kickOff(OPERATOR_DEN, kickOff(false, List.of("Patient"), List.of("2026-11-02T10:00:00+01:00")));
        assertThat(since.since()).isEqualTo(T0);
    }

    private ExportJob completed(String jobId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !jobs.find(jobId).orElseThrow().status().active());
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(ExportJob.Status.COMPLETED);
        return exports.job(jobs.find(jobId).orElseThrow().owner().equals("admin") ? ADMIN : OPERATOR_DEN, jobId);
    }

    private static FhirExports.KickOff kickOff(boolean patientLevel, List<String> types, List<String> since) {
        return new FhirExports.KickOff(
                patientLevel,
                "http://localhost/fhir/r4/$export",
                "respond-async",
                List.of(),
                types,
                since,
                Map.of("_type", types, "_since", since).entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty())
                        .map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    private static FhirExports.KickOff withPrefer(String prefer) {
        return new FhirExports.KickOff(
                false, "http://localhost/fhir/r4/$export", prefer, List.of(), List.of(), List.of(), Set.of());
    }

    /** A clock that stands still where the test sets it. */
    static final class SetClock extends Clock {
        private volatile Instant now = T0;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
