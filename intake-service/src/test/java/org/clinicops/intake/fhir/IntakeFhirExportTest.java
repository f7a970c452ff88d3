package org.clinicops.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.platform.test.FhirAnswers.subject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.FhirConformance;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 22: FHIR Bulk Data export of intake's Patient, QuestionnaireResponse, Observation and CarePlan. */
@ServiceIntegrationTest
class IntakeFhirExportTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId SITE_ZONE = ZoneId.of("America/New_York");
    static final Instant MORNING = TestInstants.weekdayAt(LocalTime.of(9, 0), SITE_ZONE);
    static final Instant CONSULTATION = TestInstants.weekdayAt(LocalTime.of(11, 0), SITE_ZONE, 1);

    static final String INTAKE_DEN = TestTokens.of("export-intake-den", Role.INTAKE, "den");
    static final String INTAKE_BOS = TestTokens.of("export-intake-bos", Role.INTAKE, "bos");
    static final String OPERATOR_DEN = TestTokens.of("export-operator-den", Role.OPERATOR, "den");
    static final String OTHER_OPERATOR_DEN = TestTokens.of("export-operator-den-2", Role.OPERATOR, "den");
    static final String CLINICIAN_DEN = TestTokens.of("export-clinician-den", Role.CLINICIAN, "den");
    static final String ADMIN = TestTokens.of("export-admin", Role.ADMIN, "*");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void sitesAreKnown() {
        clock.set(MORNING);
        for (String site : List.of("bos", "den")) {
            publish(new SiteUpdated(
                    site, site, SITE_ZONE.getId(), "USD", 4, List.of(), true, Instant.parse("2026-11-01T00:00:00Z")));
        }
        await().until(() -> mongo.exists(Query.query(Criteria.where("_id").is("bos")), "sites")
                && mongo.exists(Query.query(Criteria.where("_id").is("den")), "sites"));
    }

    @Test
    void aKickOffNeedsPreferRespondAsyncAndValidParametersAndAnOperator() throws Exception {
        assertOutcome(send("GET", "/fhir/r4/$export", OPERATOR_DEN, false), 400, "Prefer");
        assertOutcome(send("GET", "/fhir/r4/$export?_outputFormat=text/csv", OPERATOR_DEN, true), 400, "_outputFormat");
        assertOutcome(send("GET", "/fhir/r4/$export?_type=Encounter", OPERATOR_DEN, true), 400, "_type");
        assertOutcome(send("GET", "/fhir/r4/$export?_since=yesterday", OPERATOR_DEN, true), 400, "_since");
        assertOutcome(send("GET", "/fhir/r4/$export?_since=2026-11-02", OPERATOR_DEN, true), 400, "_since");
        assertOutcome(send("GET", "/fhir/r4/$export?_typeFilter=x", OPERATOR_DEN, true), 400, "_typeFilter");
        assertOutcome(send("GET", "/fhir/r4/$export", CLINICIAN_DEN, true), 403, null);
        assertOutcome(send("GET", "/fhir/r4/Patient/$export", INTAKE_DEN, true), 403, null);
        assertOutcome(send("GET", "/fhir/r4/$export", null, true), 401, null);
        assertThat(send("GET", "/fhir/r4/$export?_outputFormat=application/fhir%2Bndjson", OPERATOR_DEN, true)
                        .statusCode())
                .isEqualTo(202);
        assertThat(send("GET", "/fhir/r4/$export?_outputFormat=ndjson", OPERATOR_DEN, true)
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void anOperatorExportsOnlyTheirSitesAndEveryLineConforms() throws Exception {
        String den = screenedRequestAt("den", "Exportden", INTAKE_DEN);
        String bos = screenedRequestAt("bos", "Exportbos", INTAKE_BOS);
        String denPatient = fhirPatientOf(den);
        String bosPatient = fhirPatientOf(bos);
        clock.advance(Duration.ofSeconds(2));
        Instant kickedOff = clock.instant();

        HttpResponse<String> accepted = send("GET", "/fhir/r4/$export", OPERATOR_DEN, true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = accepted.headers().firstValue("Content-Location").orElseThrow();
        assertThat(status).startsWith("http://localhost:" + port + "/fhir/r4/$export-status/exp_");

        JsonNode manifest = manifest(status, OPERATOR_DEN);
        assertThat(Instant.parse(manifest.path("transactionTime").asString()))
                .isBetween(kickedOff.truncatedTo(ChronoUnit.MILLIS), clock.instant());
        assertThat(manifest.path("request").asString()).isEqualTo("http://localhost:" + port + "/fhir/r4/$export");
        assertThat(manifest.path("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.path("error").isArray()).isTrue();
        assertThat(manifest.path("error")).isEmpty();

        Map<String, List<Resource>> exported = downloadAll(manifest, OPERATOR_DEN);
        assertThat(exported.keySet()).contains("Patient", "QuestionnaireResponse", "Observation");
        String all = exported.values().stream()
                .flatMap(List::stream)
                .map(r -> r.fhirType() + "/" + r.getIdPart() + " " + subject(r))
                .toList()
                .toString();
        assertThat(all)
                .contains("Patient/" + denPatient, "QuestionnaireResponse/" + den.replace('_', '.'))
                .doesNotContain(bosPatient, bos.replace('_', '.'));
        assertThat(exported.get("Patient")).allSatisfy(p -> {
            assertThat(((Patient) p).hasName() || ((Patient) p).hasBirthDate()).isFalse();
            assertThat(p.getMeta().getLastUpdated()).isNotNull();
        });
        exported.values().stream()
                .flatMap(List::stream)
                .forEach(r -> assertThat(r.getMeta().getLastUpdated())
                        .as("meta.lastUpdated of %s", r.getIdPart())
                        .isNotNull()
                        .isBefore(java.util.Date.from(
                                Instant.parse(manifest.path("transactionTime").asString()))));

        List<AuditRecord> downloads = mongo.find(
                Query.query(Criteria.where("actor")
                        .is("export-operator-den")
                        .and("object")
                        .regex("^\\$export/.*/Patient-")),
                AuditRecord.class,
                AuditTrail.COLLECTION);
        assertThat(downloads)
                .anySatisfy(entry -> assertThat(entry.patientIds()).contains(denPatient.replace('.', '_')));
        assertThat(downloads)
                .allSatisfy(entry -> assertThat(entry.patientIds()).doesNotContain(bosPatient.replace('.', '_')));

        // an ADMIN sees every site, with identity
        JsonNode everything = manifest(kickOff("/fhir/r4/Patient/$export?_type=Patient", ADMIN), ADMIN);
        List<Resource> patients = downloadAll(everything, ADMIN).get("Patient");
        assertThat(patients).extracting(Resource::getIdPart).contains(denPatient, bosPatient);
        assertThat(patients)
                .filteredOn(p -> p.getIdPart().equals(bosPatient))
                .singleElement()
                .satisfies(p ->
                        assertThat(((Patient) p).getNameFirstRep().getFamily()).isEqualTo("Exportbos"));
    }

    @Test
    void typeAndSinceLimitTheFiles() throws Exception {
        screenedRequestAt("den", "Exportsince", INTAKE_DEN);
        clock.advance(Duration.ofSeconds(2));

        JsonNode observations = manifest(kickOff("/fhir/r4/$export?_type=Observation", OPERATOR_DEN), OPERATOR_DEN);
        assertThat(observations.path("output"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.path("type").asString()).isEqualTo("Observation"));
        assertThat(observations.path("output").get(0).path("count").asLong()).isPositive();

        JsonNode two = manifest(
                kickOff("/fhir/r4/Patient/$export?_type=Patient,QuestionnaireResponse", OPERATOR_DEN), OPERATOR_DEN);
        assertThat(two.path("output"))
                .extracting(o -> o.path("type").asString())
                .containsOnly("Patient", "QuestionnaireResponse");

        String since =
                clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        clock.advance(Duration.ofMinutes(1));
        JsonNode nothing = manifest(kickOff("/fhir/r4/$export?_since=" + since, OPERATOR_DEN), OPERATOR_DEN);
        assertThat(nothing.path("output")).isEmpty();
    }

    @Test
    void onlyTheOwnerPollsAndDownloadsAndACancelEndsTheJob() throws Exception {
        screenedRequestAt("den", "Exportowner", INTAKE_DEN);
        clock.advance(Duration.ofSeconds(2));
        String status = kickOff("/fhir/r4/$export", OPERATOR_DEN);
        JsonNode manifest = manifest(status, OPERATOR_DEN);
        String file = manifest.path("output").get(0).path("url").asString();

        assertOutcome(get(status, OTHER_OPERATOR_DEN), 404, null);
        assertOutcome(get(file, OTHER_OPERATOR_DEN), 404, null);
        assertOutcome(get(status, ADMIN), 404, null);
        assertThat(get(file, OPERATOR_DEN).statusCode()).isEqualTo(200);

        HttpResponse<String> cancelled = http.send(
                HttpRequest.newBuilder(URI.create(status))
                        .header("Authorization", TestTokens.bearer(OPERATOR_DEN))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertOutcome(get(status, OPERATOR_DEN), 404, null);
        assertOutcome(get(file, OPERATOR_DEN), 404, null);
    }

    @Test
    void theCapabilityStatementAdvertisesBothExports() throws Exception {
        HttpResponse<String> metadata = send("GET", "/fhir/r4/metadata", null, false);
        CapabilityStatement statement = FhirConformance.parse(metadata.body(), CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getOperation())
                .extracting(o -> o.getName(), o -> o.getDefinition())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "export", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export"),
                        org.assertj.core.groups.Tuple.tuple(
                                "patient-export",
                                "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export"));
    }

    /** Kicks an export off and answers its status URL. */
    private String kickOff(String path, String token) throws Exception {
        HttpResponse<String> accepted = send("GET", path, token, true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Content-Location").orElseThrow();
    }

    /** Polls the status until the manifest comes; each poll while it runs is a 202 with X-Progress. */
    private JsonNode manifest(String status, String token) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> polled = get(status, token);
                    if (polled.statusCode() == 202) {
                        assertThat(polled.headers().firstValue("X-Progress")).isPresent();
                    } else {
                        assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
                    }
                    last.set(polled);
                    return polled.statusCode() == 200;
                });
        assertThat(last.get().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(last.get().body());
    }

    /** Every output file, each line parsed strictly, round-tripped and checked against the R4 schema. */
    private Map<String, List<Resource>> downloadAll(JsonNode manifest, String token) throws Exception {
        Map<String, List<Resource>> resources = new LinkedHashMap<>();
        for (JsonNode output : manifest.path("output")) {
            String type = output.path("type").asString();
            HttpResponse<String> file = get(output.path("url").asString(), token);
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+ndjson"));
            List<String> lines = file.body().lines().toList();
            assertThat(lines).hasSize(output.path("count").asInt());
            @SuppressWarnings("unchecked")
            Class<? extends Resource> kind = (Class<? extends Resource>) Class.forName("org.hl7.fhir.r4.model." + type);
            for (String line : lines) {
                resources.computeIfAbsent(type, t -> new ArrayList<>()).add(FhirConformance.parse(line, kind));
            }
        }
        return resources;
    }

    private static void assertOutcome(HttpResponse<String> answer, int status, String mentions) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        OperationOutcome outcome = FhirConformance.parse(answer.body(), OperationOutcome.class);
        if (mentions != null) {
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(mentions);
        }
    }

    /** A screened request of a new patient at the site; the clock is then just after the screening. */
    private String screenedRequestAt(String site, String lastName, String token) throws Exception {
        String body = """
                {"siteId": "%s", "patient": {"firstName": "Theodora", "lastName": "%s", "dateOfBirth": "1979-11-03",
                 "email": "theo.%s@example.net", "phone": "+1 303 555 0170"}, "condition": "TREATMENT_RESISTANT_DEPRESSION",
                 "referralSource": "SELF", "payerType": "SELF_PAY"}""".formatted(site, lastName, lastName.toLowerCase(Locale.ROOT));
        JsonNode created = JSON.readTree(api("POST", "/api/consultation-requests", token, body, 201));
        String id = created.path("id").asString();
        String patientId = created.path("patientId").asString();
        Instant now = clock.instant();
        publish(new ConsultationScheduled(
                "apt_" + id,
                id,
                patientId,
                site,
                "dr-1",
                false,
                now,
                CONSULTATION,
                CONSULTATION.plus(Duration.ofMinutes(45)),
                now));
        await().until(() -> JSON.readTree(api("GET", "/api/consultation-requests/" + id, token, null, 200))
                .path("status")
                .asString()
                .equals("CONSULTATION_SCHEDULED"));
        clock.set(CONSULTATION.minus(Duration.ofMinutes(10)));
        publish(new ConsultationCheckedIn("apt_" + id, id, patientId, site, "dr-1", clock.instant()));
        await().until(() -> JSON.readTree(api("GET", "/api/consultation-requests/" + id, token, null, 200))
                .at("/consultation/status")
                .asString()
                .equals("CHECKED_IN"));
        api("POST", "/api/consultation-requests/" + id + "/screening", token, """
                {"phq9": [2,2,2,2,2,2,2,3,0], "gad7": [1,1,1,1,1,1,1], "weightKg": 72.5}""", 200);
        return id;
    }

    private String fhirPatientOf(String requestId) {
        return mongo.getCollection("consultation_requests")
                .find(new org.bson.Document("_id", requestId))
                .first()
                .getString("patientId")
                .replace('_', '.');
    }

    private String api(String method, String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", TestTokens.bearer(token))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
        return answer.body();
    }

    private void publish(org.clinicops.events.ClinicEvent event) {
        kafka.send(
                EventRecords.fromOwner(PendingEvent.of(event, "evt_" + java.util.UUID.randomUUID(), clock.instant())));
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, boolean preferAsync) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/fhir+json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (preferAsync) {
            request.header("Prefer", "respond-async");
        }
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
