package org.clinicops.intake.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
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

/**
 * Issue 17: the public form answers little, and a site sees a patient only through its own
 * requests, only what was submitted with them; the lookup for other services' pages follows the same
 * rule.
 */
@ServiceIntegrationTest
class PatientVisibilityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String INTAKE_DEN = TestTokens.of("vis-intake-den", Role.INTAKE, "den");
    static final String INTAKE_BOS = TestTokens.of("vis-intake-bos", Role.INTAKE, "bos");
    static final String INTAKE_BOTH = TestTokens.of("vis-intake-both", List.of(Role.INTAKE), List.of("den", "bos"));
    static final String BILLING_DEN = TestTokens.of("vis-billing-den", Role.BILLING, "den");
    static final String BILLING_BOS = TestTokens.of("vis-billing-bos", Role.BILLING, "bos");
    static final String NURSE_DEN = TestTokens.of("vis-nurse-den", Role.NURSE, "den");
    static final String OPERATOR = TestTokens.of("vis-operator", Role.OPERATOR, "*");

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
    void thePublicFormAnswersOnlyTheRequestIdAndStatusButLinksAReturningPatient() throws Exception {
        HttpResponse<String> first =
                send("POST", "/api/consultation-requests", null, form("den", "Reticentia", "+1 303 555 0101"));
        HttpResponse<String> again =
                send("POST", "/api/consultation-requests", null, form("bos", "Reticentia", "+1 617 555 0102"));

        for (HttpResponse<String> answer : List.of(first, again)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode body = json(answer);
            List<String> fields = new ArrayList<>(body.propertyNames());
            assertThat(fields).containsExactlyInAnyOrder("id", "status");
            assertThat(body.path("status").asString()).isEqualTo("REQUESTED");
            assertThat(answer.body()).doesNotContain("p_");
        }
        assertThat(patientOf(json(again).path("id").asString()))
                .as("the returning patient is linked internally")
                .isEqualTo(patientOf(json(first).path("id").asString()));
    }

    @Test
    void eachSiteSeesOnlyWhatWasSubmittedWithItsOwnRequests() throws Exception {
        String patientId = patientOf(
                json(send("POST", "/api/consultation-requests", INTAKE_DEN, form("den", "Partita", "+1 303 555 0111")))
                        .path("id")
                        .asString());
        // someone who knows the patient's name, birth date and e-mail asks at Boston with another phone
        String bosRequest = json(send(
                        "POST",
                        "/api/consultation-requests",
                        INTAKE_BOS,
                        form("bos", "Partita", "+1 617 555 0199").replace("Theodora", "THEODORA")))
                .path("id")
                .asString();
        assertThat(patientOf(bosRequest)).isEqualTo(patientId);

        JsonNode atDen = json(send("GET", "/api/patients/" + patientId, INTAKE_DEN, null));
        JsonNode atBos = json(send("GET", "/api/patients/" + patientId, INTAKE_BOS, null));

        assertThat(atDen.path("phone").asString()).isEqualTo("+1 303 555 0111");
        assertThat(atDen.path("firstName").asString()).isEqualTo("Theodora");
        assertThat(atDen.path("sites").valueStream().map(JsonNode::asString).toList())
                .containsExactly("den");
        assertThat(atDen.has("homeSiteId")).isFalse();
        assertThat(atBos.path("phone").asString()).isEqualTo("+1 617 555 0199");
        assertThat(atBos.path("firstName").asString()).isEqualTo("THEODORA");
        assertThat(atBos.path("sites").valueStream().map(JsonNode::asString).toList())
                .containsExactly("bos");
        assertThat(atBos.toString()).doesNotContain("303 555 0111", "den");
        assertThat(mongo.getCollection("patient_submissions")
                        .find(new Document("_id", bosRequest))
                        .first()
                        .toJson())
                .as("stored encrypted like the patient record")
                .doesNotContain("Partita", "617 555", "example.net");
    }

    @Test
    void householdIncomeStaysWithTheSiteThatRecordedIt() throws Exception {
        String patientId = patientOf(
                json(send("POST", "/api/consultation-requests", INTAKE_DEN, form("den", "Frugalia", "+1 303 555 0121")))
                        .path("id")
                        .asString());
        send("POST", "/api/consultation-requests", INTAKE_BOS, form("bos", "Frugalia", "+1 303 555 0121"));

        HttpResponse<String> recorded = send(
                "PUT",
                "/api/patients/" + patientId + "/household",
                INTAKE_DEN,
                "{\"householdSize\": 3, \"householdIncome\": 41250.00}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);

        JsonNode atDen = json(send("GET", "/api/patients/" + patientId + "/household", BILLING_DEN, null));
        JsonNode atBos = json(send("GET", "/api/patients/" + patientId + "/household", BILLING_BOS, null));
        assertThat(atDen.path("householdIncome").decimalValue()).isEqualByComparingTo("41250.00");
        assertThat(atDen.path("siteId").asString()).isEqualTo("den");
        assertThat(atBos.path("householdIncome").isNull()).isTrue();
        assertThat(atBos.path("householdSize").isNull()).isTrue();
        assertThat(json(send("GET", "/api/patients/" + patientId, INTAKE_BOS, null))
                        .path("householdIncome")
                        .isNull())
                .isTrue();

        HttpResponse<String> ambiguous = send(
                "PUT",
                "/api/patients/" + patientId + "/household",
                INTAKE_BOTH,
                "{\"householdSize\": 2, \"householdIncome\": 1000}");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(json(ambiguous).at("/errors/0/field").asString()).isEqualTo("siteId");
        assertThat(send(
                                "PUT",
                                "/api/patients/" + patientId + "/household",
                                INTAKE_BOTH,
                                "{\"householdSize\": 2, \"householdIncome\": 1000, \"siteId\": \"bos\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(send("GET", "/api/patients/" + patientId + "/household", BILLING_DEN, null))
                        .path("householdIncome")
                        .decimalValue())
                .as("Boston's figures do not replace Denver's")
                .isEqualByComparingTo("41250.00");
    }

    @Test
    void theLookupNamesOnlyPatientsTheCallerMaySeeWithContactDetailsForBillingOnly() throws Exception {
        String denPatient = patientOf(
                json(send("POST", "/api/consultation-requests", INTAKE_DEN, form("den", "Nominata", "+1 303 555 0131")))
                        .path("id")
                        .asString());
        String bosPatient = patientOf(
                json(send("POST", "/api/consultation-requests", INTAKE_BOS, form("bos", "Alibiana", "+1 617 555 0132")))
                        .path("id")
                        .asString());
        String ids = denPatient + "," + bosPatient + ",p_doesnotexist";

        JsonNode forNurse = json(send("GET", "/api/patients?ids=" + ids, NURSE_DEN, null));
        JsonNode forBilling = json(send("GET", "/api/patients?ids=" + ids, BILLING_DEN, null));

        assertThat(forNurse.path("patients")).hasSize(1);
        assertThat(forNurse.at("/patients/0/patientId").asString()).isEqualTo(denPatient);
        assertThat(forNurse.at("/patients/0/displayName").asString()).isEqualTo("Theodora Nominata");
        assertThat(forNurse.at("/patients/0").has("email")).isFalse();
        assertThat(forNurse.at("/patients/0").has("phone")).isFalse();
        assertThat(forBilling.path("patients")).hasSize(1);
        assertThat(forBilling.at("/patients/0/email").asString()).isEqualTo("theo.nominata@example.net");
        assertThat(forBilling.at("/patients/0/phone").asString()).isEqualTo("+1 303 555 0131");
        assertThat(forBilling.toString()).doesNotContain("Alibiana", bosPatient);

        await().untilAsserted(() -> assertThat(entries("vis-nurse-den"))
                .filteredOn(e -> e.action().equals("lookUp"))
                .singleElement()
                .satisfies(e -> assertThat(e.patientIds()).containsExactly(denPatient)));
        assertThat(send("GET", "/api/patients?ids=" + denPatient, OPERATOR, null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theLookupRefusesTooManyOrMalformedIdsWithAProblemDetail() throws Exception {
        String tooMany = String.join(
                ",", IntStream.rangeClosed(1, 101).mapToObj(i -> "p_" + i).toList());

        for (String query : List.of("ids=" + tooMany, "ids=p_ok,not-an-id", "ids=", "")) {
            HttpResponse<String> refused = send("GET", "/api/patients?" + query, BILLING_DEN, null);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(send(
                                "GET",
                                "/api/patients?ids="
                                        + String.join(
                                                ",",
                                                IntStream.rangeClosed(1, 100)
                                                        .mapToObj(i -> "p_" + i)
                                                        .toList()),
                                BILLING_DEN,
                                null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownEnumParameterIsA400NamingTheAllowedValues() throws Exception {
        HttpResponse<String> refused = send("GET", "/api/consultation-requests?status=LOST", INTAKE_DEN, null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(json(refused).at("/errors/0/message").asString()).contains("REQUESTED", "SCREENED", "WITHDRAWN");
    }

    private String patientOf(String requestId) {
        return mongo.getCollection("consultation_requests")
                .find(new Document("_id", requestId))
                .first()
                .getString("patientId");
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private static String form(String site, String lastName, String phone) {
        return """
                {"siteId": "%s", "patient": {"firstName": "Theodora", "lastName": "%s", "dateOfBirth": "1979-11-03",
                 "email": "theo.%s@example.net", "phone": "%s"}, "condition": "TREATMENT_RESISTANT_DEPRESSION",
                 "referralSource": "SELF", "payerType": "SELF_PAY"}""".formatted(site, lastName, lastName.toLowerCase(java.util.Locale.ROOT), phone);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
