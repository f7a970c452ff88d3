package org.clinicops.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.FhirAnswers;
import org.clinicops.platform.test.FhirConformance;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/** Issue 22: intake's FHIR R4 read API under the API's rules (tokens, roles, sites, audit). */
@ServiceIntegrationTest
class IntakeFhirTest {

    static final String INTAKE_DEN = TestTokens.of("fhir-intake-den", Role.INTAKE, "den");
    static final String INTAKE_BOS = TestTokens.of("fhir-intake-bos", Role.INTAKE, "bos");
    static final String NURSE_DEN = TestTokens.of("fhir-nurse-den", Role.NURSE, "den");
    static final String CLINICIAN_DEN = TestTokens.of("fhir-clinician-den", Role.CLINICIAN, "den");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void sitesAreKnown() {
        for (String site : List.of("bos", "den")) {
            kafka.send(EventRecords.fromOwner(PendingEvent.of(
                    new SiteUpdated(
                            site,
                            site,
                            "America/New_York",
                            "USD",
                            4,
                            List.of(),
                            true,
                            Instant.parse("2026-11-01T00:00:00Z")),
                    "evt_" + java.util.UUID.randomUUID(),
                    Instant.parse("2026-11-01T00:00:00Z"))));
        }
        await().atMost(java.time.Duration.ofMinutes(1))
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is("bos")), "sites")
                        && mongo.exists(Query.query(Criteria.where("_id").is("den")), "sites"));
    }

    @Test
    void aPatientIsReadByItsPseudonymousIdWithIdentityOnlyForRolesThatSeeIt() throws Exception {
        String patientId = patientOf(requestAt("den", "Fhirina", INTAKE_DEN));
        String fhirId = patientId.replace('_', '.');

        HttpResponse<String> forIntake = send("/fhir/r4/Patient/" + fhirId, INTAKE_DEN);
        assertThat(forIntake.statusCode()).as(forIntake.body()).isEqualTo(200);
        assertThat(forIntake.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        Patient full = FhirConformance.parse(forIntake.body(), Patient.class);
        assertThat(full.getIdElement().getIdPart()).isEqualTo(fhirId);
        assertThat(full.getNameFirstRep().getFamily()).isEqualTo("Fhirina");
        assertThat(full.getBirthDateElement().getValueAsString()).isEqualTo("1979-11-03");

        HttpResponse<String> forNurse = send("/fhir/r4/Patient/" + fhirId, NURSE_DEN);
        assertThat(forNurse.statusCode()).isEqualTo(200);
        Patient bare = FhirConformance.parse(forNurse.body(), Patient.class);
        assertThat(bare.hasName() || bare.hasTelecom() || bare.hasBirthDate()).isFalse();
        assertThat(forNurse.body()).doesNotContain("Fhirina", "Theodora", "1979", "example.net", "303");
        assertThat(bare.getMeta().getSecurityFirstRep().getCode()).isEqualTo("REDACTED");

        List<AuditRecord> audited = mongo.find(
                Query.query(Criteria.where("actor")
                        .is("fhir-intake-den")
                        .and("patientId")
                        .is(patientId)),
                AuditRecord.class,
                AuditTrail.COLLECTION);
        assertThat(audited).anySatisfy(entry -> {
            assertThat(entry.object()).isEqualTo("Patient/" + patientId);
            assertThat(entry.site()).isEqualTo("den");
            assertThat(entry.outcome()).isEqualTo(AuditRecord.Outcome.SUCCESS);
        });
    }

    @Test
    void anotherSitesPatientIsNotFoundAndRefusalsAreOperationOutcomes() throws Exception {
        String fhirId = patientOf(requestAt("den", "Sitebound", INTAKE_DEN)).replace('_', '.');

        assertOutcome(send("/fhir/r4/Patient/" + fhirId, INTAKE_BOS), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(send("/fhir/r4/Patient/" + fhirId, null), 401, OperationOutcome.IssueType.LOGIN);
        assertOutcome(
                send("/fhir/r4/Observation?patient=Patient/" + fhirId, NURSE_DEN),
                403,
                OperationOutcome.IssueType.FORBIDDEN);
        assertOutcome(send("/fhir/r4/Patient/not_a_fhir_id", INTAKE_DEN), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(send("/fhir/r4/CarePlan?date=yesterday", CLINICIAN_DEN), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(
                send("/fhir/r4/QuestionnaireResponse/req.nothing", CLINICIAN_DEN),
                404,
                OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void searchesAnswerPagedBundlesThatConform() throws Exception {
        String fhirId = patientOf(requestAt("den", "Searcha", INTAKE_DEN)).replace('_', '.');
        for (String type : List.of("QuestionnaireResponse", "Observation", "CarePlan")) {
            HttpResponse<String> found =
                    send("/fhir/r4/" + type + "?patient=Patient/" + fhirId + "&_count=5000", CLINICIAN_DEN);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            Bundle bundle = FhirConformance.parse(found.body(), Bundle.class);
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            assertThat(bundle.getEntry()).as("nothing screened yet").isEmpty();
            assertThat(bundle.getLink("self").getUrl())
                    .contains("/fhir/r4/" + type, "patient=Patient/" + fhirId, "_count=100", "_page=1");
            assertThat(bundle.getLink("next")).isNull();
        }
    }

    @Test
    void theCapabilityStatementIsOpenAndListsWhatIntakeServes() throws Exception {
        HttpResponse<String> metadata = send("/fhir/r4/metadata", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement statement = FhirConformance.parse(metadata.body(), CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .containsExactly("CarePlan", "Observation", "Patient", "QuestionnaireResponse");
    }

    private static void assertOutcome(HttpResponse<String> answer, int status, OperationOutcome.IssueType type) {
        FhirAnswers.assertOutcome(answer, status, type);
        assertThat(answer.body()).doesNotContain("Theodora", "example.net");
    }

    private String requestAt(String site, String lastName, String token) throws Exception {
        String body = """
                {"siteId": "%s", "patient": {"firstName": "Theodora", "lastName": "%s", "dateOfBirth": "1979-11-03",
                 "email": "theo.%s@example.net", "phone": "+1 303 555 0170"}, "condition": "TREATMENT_RESISTANT_DEPRESSION",
                 "referralSource": "SELF", "payerType": "SELF_PAY"}""".formatted(site, lastName, lastName.toLowerCase(java.util.Locale.ROOT));
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consultation-requests"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer(token))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(created.body())
                .path("id")
                .asString();
    }

    private String patientOf(String requestId) {
        return mongo.getCollection("consultation_requests")
                .find(new Document("_id", requestId))
                .first()
                .getString("patientId");
    }

    private HttpResponse<String> send(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
