package org.clinicops.intake.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.EventType;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class ConsultationRequestFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId DENVER = ZoneId.of("America/Denver");
    /** A weekday morning at the Denver site, well away from midnight in UTC and in Denver. */
    static final Instant MORNING = TestInstants.weekdayAt(LocalTime.of(10, 0), DENVER);
    /** The service clock's date (UTC) at {@link #MORNING}. */
    static final LocalDate TODAY = LocalDate.ofInstant(MORNING, ZoneOffset.UTC);
    /** The consultation scheduling books: the next weekday at 10:00 in Denver, 45 minutes. */
    static final Instant CONSULTATION = TestInstants.weekdayAt(LocalTime.of(10, 0), DENVER, 1);

    static final String PATIENT = """
            {"firstName": "Philippa", "lastName": "Quillfeather", "dateOfBirth": "1979-11-03",
             "email": "p.quillfeather@example.net", "phone": "+1 303 555 0199"}""";

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    TestClock clock;

    /** Intake coordinator and clinician at Denver: submits (not rate-limited), screens and decides. */
    static final String STAFF = TestTokens.of("staff-den", List.of(Role.INTAKE, Role.CLINICIAN), List.of("den"));

    RestClient http;

    @BeforeEach
    void siteIsKnown() {
        clock.set(MORNING);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(STAFF))
                .build();
        publish(new SiteUpdated(
                "den", "Denver", "America/Denver", "USD", 4, List.of(), true, Instant.parse("2026-11-01T00:00:00Z")));
        await().until(() -> mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is("den")),
                "sites"));
    }

    @Test
    void followsARequestFromSubmissionToAnApprovedPlanAndEmitsEachEvent() {
        JsonNode created = post("/api/consultation-requests", request("den", "TREATMENT_RESISTANT_DEPRESSION"), 201);
        String id = created.path("id").asString();
        String patientId = created.path("patientId").asString();
        assertThat(created.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(patientId).startsWith("p_");

        publish(consultationScheduled(id, patientId));
        await().until(() -> get("/api/consultation-requests/" + id)
                .path("status")
                .asString()
                .equals("CONSULTATION_SCHEDULED"));
        checkIn(id, patientId);
        assertThat(get("/api/consultation-requests/" + id)
                        .at("/consultation/status")
                        .asString())
                .isEqualTo("CHECKED_IN");

        JsonNode screened = post("/api/consultation-requests/" + id + "/screening", """
                {"phq9": [2,2,2,2,2,2,2,3,0], "gad7": [2,2,2,2,1,1,1],
                 "priorTrials": [{"drug": "sertraline", "adequate": true, "relief": false},
                                 {"drug": "venlafaxine", "adequate": true, "relief": false}],
                 "contraindications": [], "medications": ["sertraline 100 mg"], "weightKg": 72.5}""", 200);
        assertThat(screened.path("status").asString()).isEqualTo("SCREENED");
        assertThat(screened.at("/screening/phq9/total").asInt()).isEqualTo(17);
        assertThat(screened.at("/screening/phq9/band").asString()).isEqualTo("MODERATELY_SEVERE");
        assertThat(screened.at("/screening/gad7/band").asString()).isEqualTo("MODERATE");
        assertThat(screened.at("/screening/eligibility").asString()).isEqualTo("ELIGIBLE");
        complete(id, patientId);

        JsonNode accepted = post(
                "/api/consultation-requests/" + id + "/decision",
                "{\"decision\": \"ACCEPTED\", \"clinicianId\": \"dr-1\", \"protocol\": \"DEPRESSION_INDUCTION\"}",
                200);
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.at("/decision/plan/sessions").asInt()).isEqualTo(6);
        assertThat(accepted.at("/decision/plan/doseMg").decimalValue()).isEqualByComparingTo("36.2");
        assertThat(accepted.at("/decision/plan/weightKg").decimalValue()).isEqualByComparingTo("72.5");
        assertThat(accepted.at("/consultation/status").asString()).isEqualTo("COMPLETED");
        assertThat(meters.get("clinic.intake.requests")
                        .tag("site", "den")
                        .tag("condition", "TREATMENT_RESISTANT_DEPRESSION")
                        .tag("referral_source", "THERAPIST")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("clinic.intake.screenings")
                        .tag("eligibility", "ELIGIBLE")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("clinic.intake.request.to.decision")
                        .tag("outcome", "ACCEPTED")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);

        try (TopicProbe probe = new TopicProbe(
                brokers,
                EventType.CONSULTATION_REQUESTED.topic(),
                EventType.PATIENT_SCREENED.topic(),
                EventType.TREATMENT_PLAN_APPROVED.topic())) {
            ConsumerRecord<String, byte[]> requested =
                    probe.await(r -> isFor(r, EventType.CONSULTATION_REQUESTED, patientId, id) && body(r).contains(id));
            ConsumerRecord<String, byte[]> screenedEvent =
                    probe.await(r -> isFor(r, EventType.PATIENT_SCREENED, patientId, id) && body(r).contains(id));
            ConsumerRecord<String, byte[]> approved = probe.await(
                    r -> isFor(r, EventType.TREATMENT_PLAN_APPROVED, patientId, id) && body(r).contains(id));
            assertThat(TopicProbe.header(requested, "ce_source")).isEqualTo("/clinicops/intake-service");
            assertThat(body(screenedEvent)).contains("\"phq9Total\":17", "\"eligibility\":\"ELIGIBLE\"");
            assertThat(body(approved)).contains("\"sessions\":6", "\"doseMg\":\"36.2\"");
            for (var record : List.of(requested, screenedEvent, approved)) {
                assertThat(body(record) + headers(record))
                        .doesNotContain(
                                "Philippa", "Quillfeather", "example.net", "555 0199", "1979-11-03", "sertraline");
            }
        }
    }

    @Test
    void noEventIntakeEmitsCarriesTheNameContactDetailsOrDateOfBirth() {
        String accepted = checkedInRequest("TREATMENT_RESISTANT_DEPRESSION");
        post("/api/consultation-requests/" + accepted + "/screening", """
                {"phq9": [2,2,2,2,2,2,2,2,1], "contraindications": ["CARDIOVASCULAR_DISEASE"],
                 "medications": ["lithium 600 mg"], "weightKg": 80}""", 200);
        complete(accepted);
        post("/api/consultation-requests/" + accepted + "/decision", """
                {"decision": "ACCEPTED", "clinicianId": "dr-1", "protocol": "BOOSTER",
                 "override": true, "reason": "Cardiology cleared Philippa"}""", 200);
        String declined = checkedInRequest("ANXIETY");
        post("/api/consultation-requests/" + declined + "/screening", "{\"phq9\": [1,1,1,1,1,1,1,1,0]}", 200);
        complete(declined);
        post(
                "/api/consultation-requests/" + declined + "/decision",
                "{\"decision\": \"REFERRED_OUT\", \"clinicianId\": \"dr-1\", \"reason\": \"PSYCHOTHERAPY_FIRST\"}",
                200);

        try (TopicProbe probe = new TopicProbe(
                brokers,
                EventType.CONSULTATION_REQUESTED.topic(),
                EventType.PATIENT_SCREENED.topic(),
                EventType.TREATMENT_PLAN_APPROVED.topic(),
                EventType.TREATMENT_DECLINED.topic())) {
            probe.await(r -> r.topic().equals(EventType.TREATMENT_PLAN_APPROVED.topic()) && body(r).contains(accepted));
            probe.await(r -> r.topic().equals(EventType.TREATMENT_DECLINED.topic()) && body(r).contains(declined));
            List<ConsumerRecord<String, byte[]>> all = probe.matching(r -> true);
            assertThat(all).hasSizeGreaterThanOrEqualTo(6);
            for (var record : all) {
                assertThat((body(record) + headers(record)).toLowerCase(java.util.Locale.ROOT))
                        .as(record.topic())
                        .doesNotContain(
                                "philippa",
                                "quillfeather",
                                "example.net",
                                "555 0199",
                                "1979-11-03",
                                "lithium",
                                "cardiology");
            }
        }
    }

    @Test
    void findsAReturningPatientAgainInsteadOfDuplicatingThem() {
        String first = post("/api/consultation-requests", request("den", "PTSD"), 201)
                .path("patientId")
                .asString();
        String again = post(
                        "/api/consultation-requests",
                        request("den", "ANXIETY")
                                .replace("Philippa", "  philippa ")
                                .replace("p.quillfeather", "P.Quillfeather"),
                        201)
                .path("patientId")
                .asString();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void twoConcurrentFirstRequestsOfOnePersonMakeOnePatient() throws Exception {
        String body = request("den", "MIGRAINE").replace("Philippa", "Concurrentia");
        long patientsBefore = mongo.getCollection("patients").countDocuments();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> post("/api/consultation-requests", body, 201)
                    .path("patientId")
                    .asString());
            var second = pool.submit(() -> post("/api/consultation-requests", body, 201)
                    .path("patientId")
                    .asString());

            assertThat(first.get()).isEqualTo(second.get());
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.getCollection("patients").countDocuments()).isEqualTo(patientsBefore + 1);
    }

    @Test
    void recordsTheHouseholdOfAPatientAskingForAssistance() {
        String patientId = post("/api/consultation-requests", request("den", "ANXIETY"), 201)
                .path("patientId")
                .asString();

        JsonNode patient = put(
                "/api/patients/" + patientId + "/household",
                "{\"householdSize\": 3, \"householdIncome\": 41250.00}",
                200);

        assertThat(patient.path("householdSize").asInt()).isEqualTo(3);
        assertThat(patient.path("householdIncome").decimalValue()).isEqualByComparingTo("41250.00");
        assertThat(patient.path("lastName").asString()).isEqualTo("Quillfeather");
        assertThat(put(
                                "/api/patients/" + patientId + "/household",
                                "{\"householdSize\": 0, \"householdIncome\": -1}",
                                400)
                        .path("errors")
                        .findValuesAsString("field"))
                .containsExactlyInAnyOrder("householdIncome", "householdSize");
        assertThat(put("/api/patients/p_missing/household", "{\"householdSize\": 2, \"householdIncome\": 1}", 404)
                        .path("status")
                        .asInt())
                .isEqualTo(404);
    }

    @Test
    void acceptsARequestFromThePublicFormWithoutAToken() {
        RestClient anonymous =
                RestClient.builder().baseUrl("http://localhost:" + port).build();

        int status = anonymous
                .post()
                .uri("/api/consultation-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request("den", "PTSD").replace("Philippa", "Publica"))
                .exchange((req, res) -> res.getStatusCode().value());

        assertThat(status).isEqualTo(201);
    }

    @Test
    void suicidalIdeationIsUrgent() {
        assertThat(post("/api/consultation-requests", request("den", "SUICIDAL_IDEATION"), 201)
                        .path("urgent")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void rejectsAnUnknownSiteAndWritesNothing() {
        long patients = mongo.getCollection("patients").countDocuments();
        long requests = mongo.getCollection("consultation_requests").countDocuments();

        // as an all-sites caller: staff of one site asking for another get 403 before any 400
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin()))
                .build();
        JsonNode problem = post("/api/consultation-requests", request("nowhere", "PTSD"), 400);

        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("siteId");
        assertThat(mongo.getCollection("patients").countDocuments()).isEqualTo(patients);
        assertThat(mongo.getCollection("consultation_requests").countDocuments())
                .isEqualTo(requests);
    }

    @Test
    void namesEveryBadFieldOfARequest() {
        String tomorrow = TODAY.plusDays(1).toString();
        JsonNode problem = post("/api/consultation-requests", """
                {"siteId": "den", "patient": {"firstName": "", "lastName": "X", "dateOfBirth": "%s",
                 "email": "not-an-email", "phone": "call me"}, "condition": "FLU", "referralSource": "SELF",
                 "payerType": "SELF_PAY"}""".formatted(tomorrow), 400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("condition");

        JsonNode fields = post("/api/consultation-requests", """
                {"siteId": "den", "patient": {"firstName": "", "lastName": "X", "dateOfBirth": "%s",
                 "email": "not-an-email", "phone": "call me"}, "condition": "PTSD", "referralSource": "SELF",
                 "payerType": "SELF_PAY"}""".formatted(tomorrow), 400);
        assertThat(fields.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "patient.dateOfBirth", "patient.email", "patient.firstName", "patient.phone");
    }

    @Test
    void aDateOfBirthMustBeBeforeTheServiceClocksDate() {
        // Without clinic.clock.start, MORNING is a day or more after the real date, so yesterday by
        // the service clock is today or later by the wall clock: only a validator that reads the
        // service clock takes it.
        String bornToday =
                request("den", "ANXIETY").replace("Philippa", "Hodierna").replace("1979-11-03", TODAY.toString());
        String bornYesterday = request("den", "ANXIETY")
                .replace("Philippa", "Hesterna")
                .replace("1979-11-03", TODAY.minusDays(1).toString());

        assertThat(post("/api/consultation-requests", bornToday, 400)
                        .path("errors")
                        .findValuesAsString("field"))
                .containsExactly("patient.dateOfBirth");
        assertThat(post("/api/consultation-requests", bornYesterday, 201)
                        .path("status")
                        .asString())
                .isEqualTo("REQUESTED");
    }

    @Test
    void screeningBeforeTheConsultationIsScheduledIsAnIllegalTransition() {
        String id = post("/api/consultation-requests", request("den", "PTSD"), 201)
                .path("id")
                .asString();

        JsonNode problem =
                post("/api/consultation-requests/" + id + "/screening", "{\"phq9\": [1,1,1,1,1,1,1,1,0]}", 409);

        assertThat(problem.path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void rejectsAWrongNumberOfAnswersAndOutOfRangeAnswers() {
        String id = checkedInRequest("TREATMENT_RESISTANT_DEPRESSION");

        assertThat(post("/api/consultation-requests/" + id + "/screening", "{\"phq9\": [1,1,1]}", 400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("phq9");
        assertThat(post("/api/consultation-requests/" + id + "/screening", "{\"phq9\": [1,1,1,1,1,1,1,1,7]}", 400)
                        .at("/errors/0/field")
                        .asString())
                .startsWith("phq9");
        assertThat(post(
                                "/api/consultation-requests/" + id + "/screening",
                                "{\"phq9\": [1,1,1,1,1,1,1,1,0], \"painNrs\": 11}",
                                400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("painNrs");
        assertThat(post(
                                "/api/consultation-requests/" + id + "/screening",
                                "{\"phq9\": [1,1,1,1,1,1,1,1,0], \"gad7\": [0,0,0,0,0,0,4]}",
                                400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("gad7[6]");
        assertThat(post(
                                "/api/consultation-requests/" + id + "/screening",
                                "{\"phq9\": [1,1,1,1,1,1,1,1,0], \"pcl5\": [5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}",
                                400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("pcl5[0]");
        assertThat(get("/api/consultation-requests/" + id).path("status").asString())
                .isEqualTo("CONSULTATION_SCHEDULED");
        assertThat(get("/api/consultation-requests/" + id).hasNonNull("screening"))
                .isFalse();
    }

    @Test
    void aDecisionBeforeScreeningIsRefused() {
        String id = scheduledRequest("TREATMENT_RESISTANT_DEPRESSION");

        JsonNode problem = post(
                "/api/consultation-requests/" + id + "/decision",
                "{\"decision\": \"ACCEPTED\", \"clinicianId\": \"dr-1\", \"protocol\": \"BOOSTER\"}",
                409);

        assertThat(problem.path("code").asString()).isIn("ILLEGAL_TRANSITION", "NOT_SCREENED");
    }

    @Test
    void anIneligiblePatientCannotBeAcceptedButCanBeDeclined() {
        String id = checkedInRequest("TREATMENT_RESISTANT_DEPRESSION");
        post(
                "/api/consultation-requests/" + id + "/screening",
                "{\"phq9\": [2,2,2,2,2,2,2,2,0], \"contraindications\": [\"PREGNANCY\"], \"weightKg\": 60}",
                200);
        complete(id);

        JsonNode refused = post(
                "/api/consultation-requests/" + id + "/decision",
                "{\"decision\": \"ACCEPTED\", \"clinicianId\": \"dr-1\", \"protocol\": \"DEPRESSION_INDUCTION\"}",
                409);
        assertThat(refused.path("code").asString()).isEqualTo("INELIGIBLE");

        JsonNode declined = post(
                "/api/consultation-requests/" + id + "/decision",
                "{\"decision\": \"DECLINED\", \"clinicianId\": \"dr-1\", \"reason\": \"CONTRAINDICATED\"}",
                200);
        assertThat(declined.path("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.at("/decision/reasonCode").asString()).isEqualTo("CONTRAINDICATED");
    }

    @Test
    void needsReviewIsAcceptedOnlyWithARecordedOverride() {
        String id = checkedInRequest("TREATMENT_RESISTANT_DEPRESSION");
        post(
                "/api/consultation-requests/" + id + "/screening",
                "{\"phq9\": [2,2,2,2,2,2,2,2,0], \"contraindications\": [\"CARDIOVASCULAR_DISEASE\"], \"weightKg\": 60}",
                200);
        complete(id);

        assertThat(post(
                                "/api/consultation-requests/" + id + "/decision",
                                "{\"decision\": \"ACCEPTED\", \"clinicianId\": \"dr-1\", \"protocol\": \"DEPRESSION_INDUCTION\"}",
                                409)
                        .path("code")
                        .asString())
                .isEqualTo("REVIEW_REQUIRED");

        JsonNode accepted = post("/api/consultation-requests/" + id + "/decision", """
                {"decision": "ACCEPTED", "clinicianId": "dr-1", "protocol": "DEPRESSION_INDUCTION",
                 "override": true, "reason": "Cardiology cleared, BP controlled"}""", 200);
        assertThat(accepted.at("/decision/override").asBoolean()).isTrue();
        assertThat(accepted.at("/decision/overrideReason").asString()).isEqualTo("Cardiology cleared, BP controlled");
    }

    @Test
    void withdrawsAnOpenRequestOnlyOnce() {
        String id = post("/api/consultation-requests", request("den", "OCD"), 201)
                .path("id")
                .asString();

        assertThat(post("/api/consultation-requests/" + id + "/withdraw", "", 200)
                        .path("status")
                        .asString())
                .isEqualTo("WITHDRAWN");
        assertThat(post("/api/consultation-requests/" + id + "/withdraw", "", 409)
                        .path("code")
                        .asString())
                .isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void aWithdrawalEmitsConsultationRequestWithdrawnOnceWithItsReasonAndCloudEventsHeaders() {
        String id = scheduledRequest("ANXIETY");
        String patientId = patientOf(id);
        clock.set(MORNING.plus(Duration.ofHours(2)));

        JsonNode withdrawn =
                post("/api/consultation-requests/" + id + "/withdraw", "{\"reason\": \"TREATED_ELSEWHERE\"}", 200);
        assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.at("/withdrawal/reason").asString()).isEqualTo("TREATED_ELSEWHERE");
        // a retry of the same withdrawal changes nothing and raises nothing
        assertThat(post("/api/consultation-requests/" + id + "/withdraw", "{\"reason\": \"COST\"}", 409)
                        .path("code")
                        .asString())
                .isEqualTo("ILLEGAL_TRANSITION");

        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONSULTATION_REQUEST_WITHDRAWN.topic())) {
            ConsumerRecord<String, byte[]> record =
                    probe.await(r -> isFor(r, EventType.CONSULTATION_REQUEST_WITHDRAWN, patientId, id));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("clinic.consultation-request-withdrawn.v1");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/clinicops/intake-service");
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
            Instant withdrawnAt =
                    Instant.parse(withdrawn.at("/withdrawal/withdrawnAt").asString());
            // ce_time is the withdrawal's business time (stored to the millisecond with the outbox)
            assertThat(Instant.parse(TopicProbe.header(record, "ce_time")))
                    .isEqualTo(withdrawnAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(org.clinicops.events.EventJson.read(
                            record.value(), org.clinicops.events.ConsultationRequestWithdrawn.class))
                    .isEqualTo(new org.clinicops.events.ConsultationRequestWithdrawn(
                            id,
                            patientId,
                            "den",
                            org.clinicops.events.ConsultationRequestWithdrawn.Reason.TREATED_ELSEWHERE,
                            withdrawnAt));
            assertThat(body(record) + headers(record))
                    .doesNotContain("Philippa", "Quillfeather", "example.net", "555 0199", "1979-11-03");
            // one event: counted by ce_id (a record the relay sends again keeps its id)
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            probe
                                            .matching(r ->
                                                    isFor(r, EventType.CONSULTATION_REQUEST_WITHDRAWN, patientId, id))
                                            .stream()
                                            .map(r -> TopicProbe.header(r, "ce_id"))
                                            .distinct()
                                            .count()
                                    == 1);
        }
    }

    @Test
    void refusesAWithdrawalReasonThatIsNotACodeAndWritesNothing() {
        String id = post("/api/consultation-requests", request("den", "OCD"), 201)
                .path("id")
                .asString();

        JsonNode problem =
                post("/api/consultation-requests/" + id + "/withdraw", "{\"reason\": \"moved to Boston, sorry\"}", 400);

        assertThat(problem.toString()).contains("reason");
        assertThat(get("/api/consultation-requests/" + id).path("status").asString())
                .isEqualTo("REQUESTED");
    }

    @Test
    void answersAnUnknownRequestWithNotFound() {
        int status = http.get()
                .uri("/api/consultation-requests/req_missing")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(404);
    }

    @Test
    void listsRequestsBySiteStatusAndUrgencyInPages() {
        post("/api/consultation-requests", request("den", "SUICIDAL_IDEATION"), 201);

        JsonNode page = get("/api/consultation-requests?siteId=den&urgent=true&status=REQUESTED&size=1");

        assertThat(page.path("content")).hasSize(1);
        assertThat(page.at("/content/0/urgent").asBoolean()).isTrue();
        assertThat(page.at("/page/size").asInt()).isEqualTo(1);
        assertThat(page.at("/page/totalElements").asLong()).isGreaterThanOrEqualTo(1);
    }

    private String scheduledRequest(String condition) {
        JsonNode created = post("/api/consultation-requests", request("den", condition), 201);
        String id = created.path("id").asString();
        publish(consultationScheduled(id, created.path("patientId").asString()));
        await().until(() -> get("/api/consultation-requests/" + id)
                .path("status")
                .asString()
                .equals("CONSULTATION_SCHEDULED"));
        return id;
    }

    /** A request whose consultation was booked and the patient checked in for it. */
    private String checkedInRequest(String condition) {
        String id = scheduledRequest(condition);
        checkIn(id, patientOf(id));
        return id;
    }

    private String patientOf(String requestId) {
        return get("/api/consultation-requests/" + requestId).path("patientId").asString();
    }

    /**
     * The patient checks in for the consultation ten minutes before it starts; the service clock is
     * then at the check-in, where screening may be recorded.
     */
    private void checkIn(String requestId, String patientId) {
        clock.set(CONSULTATION.minus(Duration.ofMinutes(10)));
        publish(new ConsultationCheckedIn("apt_" + requestId, requestId, patientId, "den", "dr-1", clock.instant()));
        await().until(() -> get("/api/consultation-requests/" + requestId)
                .at("/consultation/checkedInAt")
                .isString());
    }

    private void complete(String requestId) {
        complete(requestId, patientOf(requestId));
    }

    /** The consultation ends 45 minutes after its start; the service clock is then 5 minutes later. */
    private void complete(String requestId, String patientId) {
        clock.set(CONSULTATION.plus(Duration.ofMinutes(50)));
        publish(new ConsultationCompleted(
                "apt_" + requestId,
                requestId,
                patientId,
                "den",
                "dr-1",
                CONSULTATION,
                CONSULTATION.plus(Duration.ofMinutes(45))));
        await().until(() -> get("/api/consultation-requests/" + requestId)
                .at("/consultation/completed")
                .asBoolean());
    }

    /** Scheduling booked the request's consultation just now, for {@link #CONSULTATION}. */
    private ConsultationScheduled consultationScheduled(String requestId, String patientId) {
        Instant now = clock.instant();
        return new ConsultationScheduled(
                "apt_" + requestId,
                requestId,
                patientId,
                "den",
                "dr-1",
                false,
                now,
                CONSULTATION,
                CONSULTATION.plus(Duration.ofMinutes(45)),
                now);
    }

    static String request(String site, String condition) {
        return "{\"siteId\": \"" + site + "\", \"patient\": " + PATIENT + ", \"condition\": \"" + condition
                + "\", \"referralSource\": \"THERAPIST\", \"payerType\": \"SELF_PAY\"}";
    }

    private void publish(org.clinicops.events.ClinicEvent event) {
        kafka.send(
                EventRecords.fromOwner(PendingEvent.of(event, "evt_" + java.util.UUID.randomUUID(), clock.instant())));
    }

    private JsonNode post(String path, String json, int expectedStatus) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange((req, res) -> {
                    String body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(res.getStatusCode().value()).as(body).isEqualTo(expectedStatus);
                    return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
                });
    }

    private JsonNode put(String path, String json, int expectedStatus) {
        return http.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange((req, res) -> {
                    String body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(res.getStatusCode().value()).as(body).isEqualTo(expectedStatus);
                    return JSON.readTree(body);
                });
    }

    private JsonNode get(String path) {
        return JSON.readTree(http.get().uri(path).retrieve().body(String.class));
    }

    private static boolean isFor(
            ConsumerRecord<String, byte[]> record, EventType type, String patientId, String requestId) {
        return record.topic().equals(type.topic())
                && patientId.equals(record.key())
                && body(record).contains("\"requestId\":\"" + requestId + "\"");
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String headers(ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder();
        record.headers()
                .forEach(h -> all.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)));
        return all.toString();
    }
}
