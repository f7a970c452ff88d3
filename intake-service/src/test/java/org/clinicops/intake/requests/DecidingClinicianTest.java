package org.clinicops.intake.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.clinicops.events.EventType;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SiteUpdated.Clinician;
import org.clinicops.events.SiteUpdated.ClinicianRole;
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
 * Consultation first (issue 16): the decision to treat is the signed-in user's, a physician of the
 * site when intake knows its physicians from site-updated; the {@code clinicianId} of the body is
 * ignored.
 */
@ServiceIntegrationTest
class DecidingClinicianTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    static final Instant MORNING = TestInstants.weekdayAt(LocalTime.of(10, 0), PHOENIX);
    static final Instant CONSULTATION = TestInstants.weekdayAt(LocalTime.of(10, 0), PHOENIX, 1);

    /** The site's physician (as site-updated names them), also doing intake. */
    static final String PHYSICIAN = TestTokens.of("phys-phx", List.of(Role.INTAKE, Role.CLINICIAN), List.of("phx"));
    /** A clinician of the site whom site-updated does not name as a physician. */
    static final String OTHER_CLINICIAN = TestTokens.of("clin-phx", Role.CLINICIAN, "phx");

    static final String DECLINE = """
            {"decision": "DECLINED", "clinicianId": "dr-forged", "reason": "PATIENT_CHOICE"}""";

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

    @BeforeEach
    void siteNamesItsPhysicians() {
        clock.set(MORNING);
        publish(new SiteUpdated(
                "phx",
                "Phoenix",
                PHOENIX.getId(),
                "USD",
                3,
                List.of(
                        new Clinician("phys-phx", ClinicianRole.PHYSICIAN),
                        new Clinician("rn-phx", ClinicianRole.NURSE)),
                true,
                Instant.parse("2026-11-01T00:00:00Z")));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> mongo.exists(
                        Query.query(Criteria.where("_id")
                                .is("phx")
                                .and("physicians")
                                .is("phys-phx")),
                        "sites"));
    }

    @Test
    void onlyAPhysicianTheSiteNamesDecidesAndARefusalWritesNothing() {
        String id = consulted("Nonphysica");
        Document before = settled(id);

        JsonNode refused = post(OTHER_CLINICIAN, "/api/consultation-requests/" + id + "/decision", DECLINE, 409);
        JsonNode byAdmin = post(TestTokens.admin(), "/api/consultation-requests/" + id + "/decision", DECLINE, 409);

        assertThat(refused.path("code").asString()).isEqualTo("NOT_A_SITE_PHYSICIAN");
        assertThat(refused.path("detail").asString()).contains("physician of site phx", "clin-phx");
        assertThat(byAdmin.path("code").asString()).isEqualTo("NOT_A_SITE_PHYSICIAN");
        assertThat(settled(id)).isEqualTo(before);
    }

    @Test
    void theDecidingClinicianIsTheSignedInUserNeverTheBodysClinicianId() {
        String id = consulted("Signedina");

        JsonNode accepted = post(PHYSICIAN, "/api/consultation-requests/" + id + "/decision", """
                {"decision": "ACCEPTED", "clinicianId": "dr-forged", "protocol": "BOOSTER"}""", 200);
        JsonNode withoutTheOldField =
                post(PHYSICIAN, "/api/consultation-requests/" + consulted("Modernia") + "/decision", """
                {"decision": "DECLINED", "reason": "PATIENT_CHOICE"}""", 200);

        assertThat(accepted.at("/decision/clinicianId").asString()).isEqualTo("phys-phx");
        assertThat(withoutTheOldField.at("/decision/clinicianId").asString()).isEqualTo("phys-phx");
        try (TopicProbe probe = new TopicProbe(brokers, EventType.TREATMENT_PLAN_APPROVED.topic())) {
            var approved = probe.await(r -> body(r).contains("\"requestId\":\"" + id + "\""));
            assertThat(body(approved)).contains("\"clinicianId\":\"phys-phx\"").doesNotContain("dr-forged");
        }
    }

    /** Submitted, booked, checked in, screened ELIGIBLE and the consultation completed. */
    private String consulted(String lastName) {
        clock.set(MORNING);
        JsonNode created = post(PHYSICIAN, "/api/consultation-requests", """
                {"siteId": "phx", "patient": {"firstName": "Decida", "lastName": "%s", "dateOfBirth": "1981-04-12",
                 "email": "%s@example.net", "phone": "+1 602 555 0111"}, "condition": "TREATMENT_RESISTANT_DEPRESSION",
                 "referralSource": "SELF", "payerType": "SELF_PAY"}""".formatted(lastName, lastName), 201);
        String id = created.path("id").asString();
        String patientId = created.path("patientId").asString();
        Instant end = CONSULTATION.plus(Duration.ofMinutes(45));
        publish(new ConsultationScheduled(
                "apt_" + id, id, patientId, "phx", "phys-phx", false, MORNING, CONSULTATION, end, MORNING));
        publish(new ConsultationCheckedIn(
                "apt_" + id, id, patientId, "phx", "phys-phx", CONSULTATION.minus(Duration.ofMinutes(10))));
        await().until(() -> view(id).at("/consultation/status").asString().equals("CHECKED_IN"));
        clock.set(CONSULTATION);
        post(PHYSICIAN, "/api/consultation-requests/" + id + "/screening", """
                {"phq9": [2,2,2,2,2,2,2,3,0],
                 "priorTrials": [{"drug": "sertraline", "adequate": true, "relief": false},
                                 {"drug": "venlafaxine", "adequate": true, "relief": false}],
                 "weightKg": 70}""", 200);
        publish(new ConsultationCompleted("apt_" + id, id, patientId, "phx", "phys-phx", CONSULTATION, end));
        await().until(() -> view(id).at("/consultation/completed").asBoolean());
        clock.set(end.plus(Duration.ofMinutes(5)));
        return id;
    }

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

    private JsonNode view(String id) {
        return JSON.readTree(client(PHYSICIAN)
                .get()
                .uri("/api/consultation-requests/" + id)
                .retrieve()
                .body(String.class));
    }

    private void publish(ClinicEvent event) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, "evt_" + UUID.randomUUID(), clock.instant())));
    }

    private RestClient client(String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .build();
    }

    private JsonNode post(String token, String path, String json, int expectedStatus) {
        return client(token)
                .post()
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
