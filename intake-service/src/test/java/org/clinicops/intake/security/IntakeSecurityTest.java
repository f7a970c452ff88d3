package org.clinicops.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditRecord.Outcome;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EndpointSecurityContract;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class IntakeSecurityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId SITE_ZONE = ZoneId.of("America/New_York");
    /** A weekday morning at the sites, well away from midnight. */
    static final Instant MORNING = TestInstants.weekdayAt(LocalTime.of(10, 0), SITE_ZONE);
    /** The consultation scheduling books: the next weekday at 10:00, 45 minutes. */
    static final Instant CONSULTATION = TestInstants.weekdayAt(LocalTime.of(10, 0), SITE_ZONE, 1);

    static final String INTAKE_BOS = TestTokens.of("intake-bos", Role.INTAKE, "bos");
    static final String INTAKE_DEN = TestTokens.of("intake-den", Role.INTAKE, "den");
    static final String CLINICIAN_BOS = TestTokens.of("clinician-bos", Role.CLINICIAN, "bos");
    static final String CLINICIAN_DEN = TestTokens.of("clinician-den", Role.CLINICIAN, "den");
    static final String BILLING_DEN = TestTokens.of("billing-den", Role.BILLING, "den");
    static final String NURSE_DEN = TestTokens.of("nurse-den", Role.NURSE, "den");
    static final String OPERATOR = TestTokens.of("operator", Role.OPERATOR, "*");

    @LocalServerPort
    int port;

    @Autowired
    ApiAccessPolicy policy;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

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
    void everyEndpointRefusesMissingExpiredTamperedForeignAndWrongRoleTokens() {
        var endpoints = EndpointSecurityContract.endpoints(mapping);
        assertThat(endpoints)
                .extracting(EndpointSecurityContract.Endpoint::pattern)
                .contains(
                        "/api/consultation-requests",
                        "/api/consultation-requests/{id}",
                        "/api/consultation-requests/{id}/screening",
                        "/api/consultation-requests/{id}/decision",
                        "/api/consultation-requests/{id}/withdraw",
                        "/api/patients/{patientId}",
                        "/api/patients/{patientId}/household",
                        "/api/patients",
                        "/api/admin/patients/re-encrypt",
                        "/api/audit");

        new EndpointSecurityContract(port, policy).verify(endpoints);
    }

    @Test
    void staffOfAnotherSiteCannotReadScreenDecideOrWithdrawARequest() throws Exception {
        String den = screenedRequestAtDen("Wrongsite");
        String bosStaff = TestTokens.of("staff-bos", List.of(Role.INTAKE, Role.CLINICIAN), List.of("bos"));

        assertThat(send("GET", "/api/consultation-requests/" + den, bosStaff, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/consultation-requests/" + den + "/screening", bosStaff, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/api/consultation-requests/" + den + "/screening",
                                bosStaff,
                                "{\"phq9\": [0,0,0,0,0,0,0,0,0]}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/consultation-requests/" + den + "/decision", bosStaff, """
                                {"decision": "DECLINED", "clinicianId": "dr-x", "reason": "PATIENT_CHOICE"}""")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/consultation-requests/" + den + "/withdraw", bosStaff, null)
                        .statusCode())
                .isEqualTo(403);

        JsonNode unchanged = json(send("GET", "/api/consultation-requests/" + den, CLINICIAN_DEN, null));
        assertThat(unchanged.path("status").asString()).isEqualTo("SCREENED");
        assertThat(unchanged.at("/screening/phq9/total").asInt()).isEqualTo(17);
    }

    @Test
    void aListShowsOnlyTheCallersSitesAndRefusesAnotherSiteAskedFor() throws Exception {
        submit(INTAKE_DEN, "den", "Listeden");
        submit(INTAKE_BOS, "bos", "Listebos");

        JsonNode bos = json(send("GET", "/api/consultation-requests?size=100", INTAKE_BOS, null));
        assertThat(bos.path("content").findValuesAsString("siteId"))
                .isNotEmpty()
                .containsOnly("bos");
        assertThat(send("GET", "/api/consultation-requests?siteId=den", INTAKE_BOS, null)
                        .statusCode())
                .isEqualTo(403);
        JsonNode all = json(send("GET", "/api/consultation-requests?size=100", TestTokens.admin(), null));
        assertThat(all.path("content").findValuesAsString("siteId")).contains("bos", "den");
    }

    @Test
    void aPatientWithoutARequestAtTheCallersSitesIsNotFoundLikeOneThatDoesNotExist() throws Exception {
        String patientId =
                submit(INTAKE_DEN, "den", "Sitewise").path("patientId").asString();

        for (String token : List.of(INTAKE_BOS, CLINICIAN_BOS)) {
            HttpResponse<String> unseen = send("GET", "/api/patients/" + patientId, token, null);
            HttpResponse<String> missing = send("GET", "/api/patients/p_doesnotexist", token, null);
            assertThat(unseen.statusCode()).isEqualTo(404);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(json(unseen).path("title").asString())
                    .isEqualTo(json(missing).path("title").asString());
        }
        assertThat(send("GET", "/api/patients/" + patientId + "/household", INTAKE_BOS, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(
                                "PUT",
                                "/api/patients/" + patientId + "/household",
                                INTAKE_BOS,
                                "{\"householdSize\": 2, \"householdIncome\": 1000}")
                        .statusCode())
                .isEqualTo(404);

        // the same person asks at Boston too: Boston's staff now see them, as Boston was told
        assertThat(submit(INTAKE_BOS, "bos", "Sitewise").path("patientId").asString())
                .isEqualTo(patientId);
        assertThat(json(send("GET", "/api/patients/" + patientId, INTAKE_BOS, null))
                        .path("lastName")
                        .asString())
                .isEqualTo("Sitewise");
    }

    @Test
    void signedInStaffSubmitRequestsOnlyForTheirOwnSites() throws Exception {
        assertThat(send("POST", "/api/consultation-requests", INTAKE_BOS, body("den", "Foreignsite"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void billingStaffCannotReadScreeningAnswersButReadTheHousehold() throws Exception {
        String request = screenedRequestAtDen("Billable");
        JsonNode view = json(send("GET", "/api/consultation-requests/" + request, CLINICIAN_DEN, null));
        String patientId = view.path("patientId").asString();
        send(
                "PUT",
                "/api/patients/" + patientId + "/household",
                INTAKE_DEN,
                "{\"householdSize\": 3, \"householdIncome\": 41250.00}");

        assertThat(send("GET", "/api/consultation-requests/" + request + "/screening", BILLING_DEN, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/consultation-requests/" + request, BILLING_DEN, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/patients/" + patientId, BILLING_DEN, null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> household = send("GET", "/api/patients/" + patientId + "/household", BILLING_DEN, null);
        assertThat(household.statusCode()).isEqualTo(200);
        assertThat(json(household).path("householdSize").asInt()).isEqualTo(3);
        assertThat(household.body()).doesNotContain("Billable", "example.net", "1979");

        JsonNode screening =
                json(send("GET", "/api/consultation-requests/" + request + "/screening", CLINICIAN_DEN, null));
        assertThat(screening.path("medications").get(0).asString()).isEqualTo("sertraline 100 mg");
        assertThat(screening.at("/priorTrials/0/drug").asString()).isEqualTo("sertraline");
    }

    @Test
    void nursesAndOperatorsReachNoClinicalDetailOrIdentity() throws Exception {
        String request = screenedRequestAtDen("Opsnurse");
        String patientId = json(send("GET", "/api/consultation-requests/" + request, CLINICIAN_DEN, null))
                .path("patientId")
                .asString();

        for (String token : List.of(NURSE_DEN, OPERATOR)) {
            assertThat(send("GET", "/api/consultation-requests", token, null).statusCode())
                    .isEqualTo(403);
            assertThat(send("GET", "/api/consultation-requests/" + request, token, null)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(send("GET", "/api/consultation-requests/" + request + "/screening", token, null)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(send("GET", "/api/patients/" + patientId, token, null).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void onlyAClinicianDecides() throws Exception {
        String request = screenedRequestAtDen("Decider");
        completeConsultation(request);
        String decline = "{\"decision\": \"DECLINED\", \"clinicianId\": \"dr-x\", \"reason\": \"PATIENT_CHOICE\"}";

        assertThat(send("POST", "/api/consultation-requests/" + request + "/decision", INTAKE_DEN, decline)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/consultation-requests/" + request + "/decision", CLINICIAN_DEN, decline)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyAClinicianOfTheRequestsSiteDecidesNotAnAdminWhoIsNoClinician() throws Exception {
        String request = screenedRequestAtDen("Sitedecider");
        completeConsultation(request);
        String accept = "{\"decision\": \"ACCEPTED\", \"clinicianId\": \"dr-x\", \"protocol\": \"BOOSTER\"}";
        Document before = settled(request);

        assertThat(send("POST", "/api/consultation-requests/" + request + "/decision", CLINICIAN_BOS, accept)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/consultation-requests/" + request + "/decision", NURSE_DEN, accept)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> byAdmin =
                send("POST", "/api/consultation-requests/" + request + "/decision", TestTokens.admin(), accept);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(409);
        assertThat(json(byAdmin).path("code").asString()).isEqualTo("NOT_A_CLINICIAN");
        assertThat(settled(request)).isEqualTo(before);

        HttpResponse<String> accepted =
                send("POST", "/api/consultation-requests/" + request + "/decision", CLINICIAN_DEN, accept);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(json(accepted).at("/decision/clinicianId").asString()).isEqualTo("clinician-den");
    }

    @Test
    void readsChangesAndRefusalsOfPatientDataAreInTheAuditTrail() throws Exception {
        String patientId =
                submit(INTAKE_DEN, "den", "Audited").path("patientId").asString();
        String auditor = TestTokens.of("audit-intake", Role.INTAKE, "den");
        String stranger = TestTokens.of("audit-stranger", Role.INTAKE, "bos");

        send("GET", "/api/patients/" + patientId, auditor, null);
        send(
                "PUT",
                "/api/patients/" + patientId + "/household",
                auditor,
                "{\"householdSize\": 1, \"householdIncome\": 20000}");
        send("GET", "/api/patients/" + patientId, stranger, null);

        await().untilAsserted(() -> assertThat(entries("audit-intake")).hasSize(2));
        assertThat(entries("audit-intake"))
                .extracting(AuditRecord::action, AuditRecord::patientId, AuditRecord::site, AuditRecord::outcome)
                .containsExactlyInAnyOrder(
                        tuple("patient", patientId, "den", Outcome.SUCCESS),
                        tuple("recordHousehold", patientId, "den", Outcome.SUCCESS));
        await().untilAsserted(() -> assertThat(entries("audit-stranger"))
                .extracting(AuditRecord::action, AuditRecord::patientId, AuditRecord::outcome, AuditRecord::status)
                .containsExactly(tuple("patient", patientId, Outcome.REJECTED, 404)));
        assertThat(entries("audit-intake").get(0).roles()).containsExactly("INTAKE");

        JsonNode byAdmin = json(send("GET", "/api/audit?patientId=" + patientId, TestTokens.admin(), null));
        assertThat(byAdmin.findValue("totalElements").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(byAdmin.toString()).doesNotContain("Audited", "example.net");

        send("GET", "/api/consultation-requests?siteId=den&size=100", auditor, null);
        await().untilAsserted(() -> assertThat(entries("audit-intake"))
                .filteredOn(e -> e.action().equals("list"))
                .singleElement()
                .satisfies(list -> assertThat(list.patientIds()).contains(patientId)));
        assertThat(byAdmin.toString()).doesNotContain("Audited", "example.net");
    }

    /** The stored request once its outbox has been published: what a refused call must leave alone. */
    private Document settled(String id) {
        await().until(() ->
                stored(id).getList("outbox", Object.class, List.of()).isEmpty());
        return stored(id);
    }

    private Document stored(String id) {
        return mongo.getCollection("consultation_requests")
                .find(new Document("_id", id))
                .first();
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private String screenedRequestAtDen(String lastName) throws Exception {
        JsonNode created = submit(INTAKE_DEN, "den", lastName);
        String id = created.path("id").asString();
        Instant now = clock.instant();
        publish(new ConsultationScheduled(
                "apt_" + id,
                id,
                created.path("patientId").asString(),
                "den",
                "dr-1",
                false,
                now,
                CONSULTATION,
                CONSULTATION.plus(Duration.ofMinutes(45)),
                now));
        await().until(() -> json(send("GET", "/api/consultation-requests/" + id, INTAKE_DEN, null))
                .path("status")
                .asString()
                .equals("CONSULTATION_SCHEDULED"));
        // screening happens at the consultation, once the patient checked in
        clock.set(CONSULTATION.minus(Duration.ofMinutes(10)));
        publish(new ConsultationCheckedIn(
                "apt_" + id, id, created.path("patientId").asString(), "den", "dr-1", clock.instant()));
        await().until(() -> json(send("GET", "/api/consultation-requests/" + id, INTAKE_DEN, null))
                .at("/consultation/status")
                .asString()
                .equals("CHECKED_IN"));
        HttpResponse<String> screened =
                send("POST", "/api/consultation-requests/" + id + "/screening", INTAKE_DEN, """
                {"phq9": [2,2,2,2,2,2,2,3,0],
                 "priorTrials": [{"drug": "sertraline", "adequate": true, "relief": false},
                                 {"drug": "venlafaxine", "adequate": true, "relief": false}],
                 "medications": ["sertraline 100 mg"], "weightKg": 72.5}""");
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(200);
        return id;
    }

    /** The request's consultation ended; the service clock is then after it. */
    private void completeConsultation(String id) throws Exception {
        JsonNode request = json(send("GET", "/api/consultation-requests/" + id, INTAKE_DEN, null));
        clock.set(CONSULTATION.plus(Duration.ofMinutes(50)));
        publish(new ConsultationCompleted(
                "apt_" + id,
                id,
                request.path("patientId").asString(),
                "den",
                "dr-1",
                CONSULTATION,
                CONSULTATION.plus(Duration.ofMinutes(45))));
        await().until(() -> json(send("GET", "/api/consultation-requests/" + id, INTAKE_DEN, null))
                .at("/consultation/completed")
                .asBoolean());
    }

    private JsonNode submit(String token, String site, String lastName) throws Exception {
        HttpResponse<String> created = send("POST", "/api/consultation-requests", token, body(site, lastName));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static String body(String site, String lastName) {
        return """
                {"siteId": "%s", "patient": {"firstName": "Theodora", "lastName": "%s", "dateOfBirth": "1979-11-03",
                 "email": "theo.%s@example.net", "phone": "+1 303 555 0199"}, "condition": "TREATMENT_RESISTANT_DEPRESSION",
                 "referralSource": "SELF", "payerType": "SELF_PAY"}""".formatted(site, lastName, lastName.toLowerCase(java.util.Locale.ROOT));
    }

    private void publish(org.clinicops.events.ClinicEvent event) {
        kafka.send(
                EventRecords.fromOwner(PendingEvent.of(event, "evt_" + java.util.UUID.randomUUID(), clock.instant())));
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
