package org.clinicops.intake.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.EventJson;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 in intake, through the API and the consumed events: consultation first, dose limits,
 * scales in range, every eligibility reason. Every refusal leaves the stored request as it was.
 */
@ServiceIntegrationTest
class IntakeSafetyRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId DENVER = ZoneId.of("America/Denver");
    /** A weekday morning at the Denver site: the request comes in. */
    static final Instant MORNING = TestInstants.weekdayAt(LocalTime.of(10, 0), DENVER);
    /** The consultation: the next weekday at 10:00 in Denver, 45 minutes. */
    static final Instant CONSULTATION = TestInstants.weekdayAt(LocalTime.of(10, 0), DENVER, 1);

    static final Instant CHECK_IN = CONSULTATION.minus(Duration.ofMinutes(10));
    static final Instant CONSULTATION_END = CONSULTATION.plus(Duration.ofMinutes(45));

    static final String STAFF = TestTokens.of("safety-den", List.of(Role.INTAKE, Role.CLINICIAN), List.of("den"));

    static final String ELIGIBLE_DEPRESSION = """
            {"phq9": [2,2,2,2,2,2,2,3,0],
             "priorTrials": [{"drug": "sertraline", "adequate": true, "relief": false},
                             {"drug": "venlafaxine", "adequate": true, "relief": false}],
             "weightKg": %s}""";

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    RestClient http;

    /** A request of this test: its id and patient. */
    record Req(String id, String patientId) {}

    @BeforeEach
    void siteIsKnown() {
        clock.set(MORNING);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(STAFF))
                .build();
        publish(new SiteUpdated(
                "den", "Denver", "America/Denver", "USD", 4, List.of(), true, Instant.parse("2026-11-01T00:00:00Z")));
        // the first test of a fresh context waits for its consumers to join their groups
        await().atMost(Duration.ofMinutes(1))
                .until(() -> mongo.exists(Query.query(Criteria.where("_id").is("den")), "sites"));
    }

    // consultation first

    @Test
    void refusesScreeningBeforeTheConsultationsCheckInAndWritesNothing() {
        Req req = scheduled("TREATMENT_RESISTANT_DEPRESSION");
        clock.set(CONSULTATION); // the consultation's time has come, but nobody checked in
        Document before = settled(req);

        JsonNode problem = post(screening(req), ELIGIBLE_DEPRESSION.formatted("72.5"), 409);

        assertThat(problem.path("code").asString()).isEqualTo("CONSULTATION_NOT_CHECKED_IN");
        assertThat(problem.path("consultation").asString()).isEqualTo("SCHEDULED");
        assertThat(settled(req)).isEqualTo(before);
    }

    @Test
    void screensOnlyFromTheCheckInOn() {
        Req req = scheduled("TREATMENT_RESISTANT_DEPRESSION");
        publish(new ConsultationCheckedIn("apt_" + req.id(), req.id(), req.patientId(), "den", "dr-1", CHECK_IN));
        await().until(() -> view(req).at("/consultation/status").asString().equals("CHECKED_IN"));
        Document before = settled(req);

        clock.set(CHECK_IN.minus(Duration.ofMinutes(1)));
        assertThat(post(screening(req), ELIGIBLE_DEPRESSION.formatted("72.5"), 409)
                        .path("code")
                        .asString())
                .isEqualTo("CONSULTATION_NOT_CHECKED_IN");
        assertThat(settled(req)).isEqualTo(before);

        clock.set(CHECK_IN);
        assertThat(post(screening(req), ELIGIBLE_DEPRESSION.formatted("72.5"), 200)
                        .path("status")
                        .asString())
                .isEqualTo("SCREENED");
    }

    @Test
    void refusesTheDecisionBeforeTheConsultationIsCompletedAndWritesNothing() {
        Req req = checkedIn("TREATMENT_RESISTANT_DEPRESSION");
        post(screening(req), ELIGIBLE_DEPRESSION.formatted("72.5"), 200);
        clock.set(CONSULTATION_END); // the consultation has ended, but scheduling has not said so
        Document before = settled(req);

        JsonNode accept = post(decision(req), accept("DEPRESSION_INDUCTION", ""), 409);
        JsonNode decline = post(
                decision(req),
                "{\"decision\": \"DECLINED\", \"clinicianId\": \"dr-1\", \"reason\": \"PATIENT_CHOICE\"}",
                409);

        assertThat(accept.path("code").asString()).isEqualTo("CONSULTATION_NOT_COMPLETED");
        assertThat(accept.path("consultation").asString()).isEqualTo("CHECKED_IN");
        assertThat(decline.path("code").asString()).isEqualTo("CONSULTATION_NOT_COMPLETED");
        assertThat(settled(req)).isEqualTo(before);

        complete(req);
        assertThat(post(decision(req), accept("DEPRESSION_INDUCTION", ""), 200)
                        .path("status")
                        .asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void takesTheConsultationEventsInAnyOrderAndOnlyOnce() {
        Req req = submit("TREATMENT_RESISTANT_DEPRESSION");
        ConsultationCheckedIn checkedIn = checkedInFromTheSample(req);
        String checkInEventId = "evt_" + UUID.randomUUID();

        publish(completed(req), "evt_" + UUID.randomUUID());
        publish(checkedIn, checkInEventId);
        publish(scheduledEvent(req), "evt_" + UUID.randomUUID());
        publish(checkedIn, checkInEventId); // the same event again
        publish(
                new ConsultationCompleted(
                        "apt_" + req.id(),
                        req.id(),
                        req.patientId(),
                        "den",
                        "dr-1",
                        CONSULTATION,
                        CONSULTATION_END.plus(Duration.ofMinutes(5))),
                "evt_" + UUID.randomUUID()); // a later, different completion of the same consultation

        await().until(() -> view(req).at("/consultation/checkedInAt").isString()
                && view(req).at("/consultation/startsAt").isString()
                && view(req).at("/consultation/completed").asBoolean());
        JsonNode view = view(req);
        assertThat(view.path("status").asString()).isEqualTo("CONSULTATION_SCHEDULED");
        assertThat(view.at("/consultation/status").asString()).isEqualTo("COMPLETED");
        assertThat(view.at("/consultation/checkedInAt").asString()).isEqualTo(CHECK_IN.toString());
        assertThat(view.at("/consultation/completedAt").asString()).isEqualTo(CONSULTATION_END.toString());
        assertThat(view.at("/consultation/appointmentId").asString()).isEqualTo("apt_" + req.id());

        clock.set(CONSULTATION_END.plus(Duration.ofMinutes(5)));
        post(screening(req), ELIGIBLE_DEPRESSION.formatted("72.5"), 200);
        assertThat(post(decision(req), accept("DEPRESSION_INDUCTION", ""), 200)
                        .path("status")
                        .asString())
                .isEqualTo("ACCEPTED");
    }

    // dose limits

    @Test
    void refusesADoseAboveTheSessionCeilingAndWritesNothing() {
        Req req = consulted("TREATMENT_RESISTANT_DEPRESSION", ELIGIBLE_DEPRESSION.formatted("350"));
        Document before = settled(req);

        // the protocol's 0.5 mg/kg for 350 kg is 175 mg, above the 100 mg per session
        JsonNode problem = post(decision(req), accept("DEPRESSION_INDUCTION", ""), 409);

        assertThat(problem.path("code").asString()).isEqualTo("DOSE_ABOVE_SESSION_MAXIMUM");
        assertThat(problem.path("doseMg").asString()).isEqualTo("175.0");
        assertThat(problem.path("maxDoseMgPerSession").asString()).isEqualTo("100");
        assertThat(settled(req)).isEqualTo(before);

        JsonNode accepted = post(decision(req), accept("DEPRESSION_INDUCTION", ", \"doseMgPerKg\": 0.28"), 200);
        assertThat(accepted.at("/decision/plan/doseMg").decimalValue()).isEqualByComparingTo("98.0");
    }

    @Test
    void refusesSevenHundredMilligramsOfAPainSeries() {
        Req req = consulted("CRPS", """
                {"phq9": [1,1,1,1,1,0,0,0,0], "painNrs": 8, "weightKg": 350}""");
        Document before = settled(req);

        JsonNode problem = post(decision(req), accept("PAIN_SERIES", ", \"doseMgPerKg\": 2.0"), 409);

        assertThat(problem.path("code").asString()).isEqualTo("DOSE_ABOVE_SESSION_MAXIMUM");
        assertThat(problem.path("doseMg").asString()).isEqualTo("700.0");
        assertThat(settled(req)).isEqualTo(before);
    }

    @Test
    void refusesADosePerKilogramOutsideTheProtocolsRangeOrAFixedDoseOnAnIvPlan() {
        Req req = consulted("TREATMENT_RESISTANT_DEPRESSION", ELIGIBLE_DEPRESSION.formatted("72.5"));
        Document before = settled(req);

        assertThat(fields(post(decision(req), accept("DEPRESSION_INDUCTION", ", \"doseMgPerKg\": 1.5"), 400)))
                .containsExactly("doseMgPerKg");
        assertThat(fields(post(decision(req), accept("DEPRESSION_INDUCTION", ", \"doseMgPerKg\": 0"), 400)))
                .containsExactly("doseMgPerKg");
        assertThat(fields(post(decision(req), accept("DEPRESSION_INDUCTION", ", \"doseMg\": 50"), 400)))
                .containsExactly("doseMg");
        assertThat(settled(req)).isEqualTo(before);
    }

    @Test
    void refusesAHostileDoseBeforeAnyArithmeticAndWritesNothing() {
        Req req = consulted("TREATMENT_RESISTANT_DEPRESSION", ELIGIBLE_DEPRESSION.formatted("72.5"));
        Document before = settled(req);

        // 1e300000000 has 300 million digits when written out: it must be refused by its shape
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(fields(
                            post(decision(req), accept("DEPRESSION_INDUCTION", ", \"doseMgPerKg\": 1e300000000"), 400)))
                    .containsExactly("doseMgPerKg");
            assertThat(fields(post(decision(req), accept("ESKETAMINE_INDUCTION", ", \"doseMg\": 1e300000000"), 400)))
                    .containsExactly("doseMg");
            assertThat(fields(
                            post(decision(req), accept("DEPRESSION_INDUCTION", ", \"doseMgPerKg\": 0.123456789"), 400)))
                    .containsExactly("doseMgPerKg");
        });
        assertThat(settled(req)).isEqualTo(before);
    }

    @Test
    void esketamineTakesAFixedDoseAndRefusesADosePerKilogram() {
        Req req = consulted("TREATMENT_RESISTANT_DEPRESSION", ELIGIBLE_DEPRESSION.formatted("72.5"));
        Document before = settled(req);

        JsonNode perKg = post(decision(req), accept("ESKETAMINE_INDUCTION", ", \"doseMgPerKg\": 0.5"), 400);
        JsonNode oddDose = post(decision(req), accept("ESKETAMINE_INDUCTION", ", \"doseMg\": 70"), 400);

        assertThat(fields(perKg)).containsExactly("doseMgPerKg");
        assertThat(fields(oddDose)).containsExactly("doseMg");
        assertThat(settled(req)).isEqualTo(before);

        JsonNode accepted = post(decision(req), accept("ESKETAMINE_INDUCTION", ", \"doseMg\": 84"), 200);
        assertThat(accepted.at("/decision/plan/doseMg").decimalValue()).isEqualByComparingTo("84.0");
        assertThat(accepted.at("/decision/plan/doseMgPerKg").isNull()).isTrue();
        try (TopicProbe probe = new TopicProbe(brokers, EventType.TREATMENT_PLAN_APPROVED.topic())) {
            String body = body(probe.await(r -> body(r).contains("\"requestId\":\"" + req.id() + "\"")));
            assertThat(body).contains("\"route\":\"NASAL\"", "\"doseMg\":\"84.0\"", "\"doseMgPerKg\":\"0\"");
        }
    }

    // scales and eligibility

    @Test
    void refusesEveryScoreOutsideItsScaleAndWritesNothing() {
        Req req = checkedIn("PTSD");
        Document before = settled(req);

        JsonNode problem = post(screening(req), """
                {"phq9": [0,0,0,0,0,0,0,0,4], "gad7": [4,0,0,0,0,0,0],
                 "pcl5": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,5], "painNrs": 11}""", 400);

        assertThat(fields(problem)).containsExactly("phq9[8]", "gad7[0]", "pcl5[19]", "painNrs");
        assertThat(settled(req)).isEqualTo(before);
    }

    @Test
    void anExclusionHidesNeitherTheSelfHarmReasonNorAMissingPcl5() {
        Req req = checkedIn("PTSD");

        JsonNode screened = post(screening(req), """
                {"phq9": [2,2,2,2,2,2,2,2,1], "contraindications": ["PREGNANCY"]}""", 200);

        assertThat(screened.at("/screening/eligibility").asString()).isEqualTo("INELIGIBLE");
        assertThat(screened.at("/screening/reasons").valueStream().map(JsonNode::asString))
                .containsExactly("CONTRAINDICATION_PREGNANCY", "SELF_HARM_RISK", "PCL5_MISSING");
        assertThat(screened.path("urgent").asBoolean()).isTrue();
        try (TopicProbe probe = new TopicProbe(brokers, EventType.PATIENT_SCREENED.topic())) {
            String body = body(probe.await(r -> body(r).contains("\"requestId\":\"" + req.id() + "\"")));
            assertThat(body)
                    .contains(
                            "\"reasons\":[\"CONTRAINDICATION_PREGNANCY\",\"SELF_HARM_RISK\",\"PCL5_MISSING\"]",
                            "\"eligibility\":\"INELIGIBLE\"");
        }
    }

    @Test
    void ptsdWithoutAPcl5NeedsReview() {
        Req req = checkedIn("PTSD");

        JsonNode screened = post(screening(req), "{\"phq9\": [2,2,2,2,2,2,2,2,0]}", 200);

        assertThat(screened.at("/screening/eligibility").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(screened.at("/screening/reasons/0").asString()).isEqualTo("PCL5_MISSING");
    }

    // the way to a decision

    private Req submit(String condition) {
        JsonNode created = post("/api/consultation-requests", """
                {"siteId": "den", "patient": {"firstName": "Safia", "lastName": "Rulewright", "dateOfBirth": "1981-04-12",
                 "email": "s.rulewright@example.net", "phone": "+1 303 555 0142"}, "condition": "%s",
                 "referralSource": "PHYSICIAN", "payerType": "SELF_PAY"}""".formatted(condition), 201);
        return new Req(created.path("id").asString(), created.path("patientId").asString());
    }

    private Req scheduled(String condition) {
        Req req = submit(condition);
        publish(scheduledEvent(req));
        await().untilAsserted(
                        () -> assertThat(view(req).path("status").asString()).isEqualTo("CONSULTATION_SCHEDULED"));
        return req;
    }

    /** Booked, and the patient checked in ten minutes early; the service clock is at the check-in. */
    private Req checkedIn(String condition) {
        Req req = scheduled(condition);
        clock.set(CHECK_IN);
        publish(new ConsultationCheckedIn("apt_" + req.id(), req.id(), req.patientId(), "den", "dr-1", CHECK_IN));
        await().until(() -> view(req).at("/consultation/status").asString().equals("CHECKED_IN"));
        return req;
    }

    /** Checked in, screened, and the consultation completed: ready for the decision. */
    private Req consulted(String condition, String screening) {
        Req req = checkedIn(condition);
        post(screening(req), screening, 200);
        complete(req);
        return req;
    }

    private void complete(Req req) {
        clock.set(CONSULTATION_END.plus(Duration.ofMinutes(5)));
        publish(completed(req));
        await().until(() -> view(req).at("/consultation/completed").asBoolean());
    }

    private ConsultationScheduled scheduledEvent(Req req) {
        return new ConsultationScheduled(
                "apt_" + req.id(),
                req.id(),
                req.patientId(),
                "den",
                "dr-1",
                false,
                MORNING,
                CONSULTATION,
                CONSULTATION_END,
                MORNING);
    }

    private ConsultationCompleted completed(Req req) {
        return new ConsultationCompleted(
                "apt_" + req.id(), req.id(), req.patientId(), "den", "dr-1", CONSULTATION, CONSULTATION_END);
    }

    /** The contract's sample check-in (STYLE rule 12), for this test's request and consultation. */
    private static ConsultationCheckedIn checkedInFromTheSample(Req req) {
        ConsultationCheckedIn sample = EventJson.read(sample("consultation-checked-in"), ConsultationCheckedIn.class);
        return new ConsultationCheckedIn(
                "apt_" + req.id(), req.id(), req.patientId(), "den", sample.clinicianId(), CHECK_IN);
    }

    private static byte[] sample(String event) {
        try (InputStream in = IntakeSafetyRulesTest.class
                .getClassLoader()
                .getResourceAsStream("events/" + event + ".v1.sample.json")) {
            assertThat(in).as("sample of " + event).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String accept(String protocol, String more) {
        return "{\"decision\": \"ACCEPTED\", \"clinicianId\": \"dr-1\", \"protocol\": \"" + protocol + "\"" + more
                + "}";
    }

    private static String screening(Req req) {
        return "/api/consultation-requests/" + req.id() + "/screening";
    }

    private static String decision(Req req) {
        return "/api/consultation-requests/" + req.id() + "/decision";
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsString("field");
    }

    /** The stored request once its outbox has been published: what a refused call must leave alone. */
    private Document settled(Req req) {
        await().until(() ->
                stored(req).getList("outbox", Object.class, List.of()).isEmpty());
        return stored(req);
    }

    private Document stored(Req req) {
        return mongo.getCollection("consultation_requests")
                .find(new Document("_id", req.id()))
                .first();
    }

    private JsonNode view(Req req) {
        return JSON.readTree(http.get()
                .uri("/api/consultation-requests/" + req.id())
                .retrieve()
                .body(String.class));
    }

    private void publish(ClinicEvent event) {
        publish(event, "evt_" + UUID.randomUUID());
    }

    /** The one place this test makes a Kafka record: as the topic's owner publishes it, with this ce_id. */
    private void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, clock.instant())));
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

    private static String body(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
