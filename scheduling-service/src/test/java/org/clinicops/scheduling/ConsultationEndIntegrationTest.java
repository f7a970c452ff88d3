package org.clinicops.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.EventSchemas;
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
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * How a consultation ends when it is not held: cancelled by staff, missed, or cancelled because intake
 * withdrew its request; and, when it is held, whether the patient was new. Each end leaves exactly
 * once, with the CloudEvents headers of its topic's owner, valid against the contract's schema.
 */
@ServiceIntegrationTest
class ConsultationEndIntegrationTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

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

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aWeekdayMorningInChicago() {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), CHICAGO));
    }

    @Test
    void aWithdrawnRequestsConsultationIsCancelledOnceWhateverTheRedeliveries() throws Exception {
        site("wdr");
        JsonNode booked = request("wdr", "req_wdr", "p_wdr");
        String appointmentId = booked.get("id").asString();

        ConsultationRequestWithdrawn withdrawn = new ConsultationRequestWithdrawn(
                "req_wdr", "p_wdr", "wdr", ConsultationRequestWithdrawn.Reason.PATIENT_CHOICE, clock.instant());
        publish(withdrawn, "evt_wdr_1");
        publish(withdrawn, "evt_wdr_1"); // the relay sent it again: same ce_id
        publish(withdrawn, "evt_wdr_2"); // a second event of the same withdrawal
        await().until(() -> appointment(appointmentId).get("status").asString().equals("CANCELLED"));

        JsonNode cancelled = appointment(appointmentId);
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("REQUEST_WITHDRAWN");
        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONSULTATION_CANCELLED.topic())) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_wdr".equals(r.key()));
            assertOwnersHeaders(record, EventType.CONSULTATION_CANCELLED);
            ConsultationCancelled event = EventJson.read(record.value(), ConsultationCancelled.class);
            assertThat(event.appointmentId()).isEqualTo(appointmentId);
            assertThat(event.requestId()).isEqualTo("req_wdr");
            assertThat(event.reason()).isEqualTo(ConsultationCancelled.Reason.REQUEST_WITHDRAWN);
            assertThat(event.clinicianId()).isEqualTo("wdr-dr1");
            awaitExactlyOne(probe, "p_wdr");
        }
        assertThat(processed("consultation-request-withdrawn/evt_wdr_1")).isTrue();
    }

    @Test
    void aWithdrawalThatArrivesBeforeItsRequestMeansNoConsultationIsBooked() throws Exception {
        site("wdf");
        publish(
                new ConsultationRequestWithdrawn("req_wdf", "p_wdf", "wdf", null, clock.instant()),
                "evt_wdf_withdrawn");
        await().until(() -> processed("consultation-request-withdrawn/evt_wdf_withdrawn"));

        double requestsBefore = requestsConsumed();
        publish(requested("wdf", "req_wdf", "p_wdf"), "evt_wdf_requested");
        // a request is applied without a processed_events entry (booking is idempotent by request id)
        await().until(() -> requestsConsumed() > requestsBefore);

        assertThat(appointments("p_wdf")).isEmpty();
        assertThat(send("GET", "/api/waiting-list?siteId=wdf", "", TestTokens.admin())
                        .body())
                .doesNotContain("req_wdf");
    }

    @Test
    void cancellingAConsultationPublishesConsultationCancelledOnce() throws Exception {
        site("cnc");
        String id = request("cnc", "req_cnc", "p_cnc").get("id").asString();
        String intake = TestTokens.of("intake-cnc", Role.INTAKE, "cnc");

        HttpResponse<String> cancelled = send("POST", "/api/appointments/" + id + "/cancel", """
                {"reason":"CLINIC_REQUEST"}""", intake);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(send("POST", "/api/appointments/" + id + "/cancel", "", intake)
                        .statusCode())
                .isEqualTo(409);

        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONSULTATION_CANCELLED.topic())) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_cnc".equals(r.key()));
            assertOwnersHeaders(record, EventType.CONSULTATION_CANCELLED);
            ConsultationCancelled event = EventJson.read(record.value(), ConsultationCancelled.class);
            assertThat(event.reason()).isEqualTo(ConsultationCancelled.Reason.CLINIC_REQUEST);
            assertThat(event.late()).isTrue();
            awaitExactlyOne(probe, "p_cnc");
        }
    }

    @Test
    void aMissedConsultationPublishesConsultationNoShowOnce() throws Exception {
        site("nsh");
        JsonNode booked = request("nsh", "req_nsh", "p_nsh");
        String id = booked.get("id").asString();
        String nurse = TestTokens.of("nurse-nsh", Role.NURSE, "nsh");
        clock.set(Instant.parse(booked.get("startsAt").asString()).plus(Duration.ofMinutes(31)));

        HttpResponse<String> missed = send("POST", "/api/appointments/" + id + "/no-show", "", nurse);
        assertThat(missed.statusCode()).as(missed.body()).isEqualTo(200);
        assertThat(send("POST", "/api/appointments/" + id + "/no-show", "", nurse)
                        .statusCode())
                .isEqualTo(409);

        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONSULTATION_NO_SHOW.topic())) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_nsh".equals(r.key()));
            assertOwnersHeaders(record, EventType.CONSULTATION_NO_SHOW);
            ConsultationNoShow event = EventJson.read(record.value(), ConsultationNoShow.class);
            assertThat(event.appointmentId()).isEqualTo(id);
            assertThat(event.startsAt())
                    .isEqualTo(Instant.parse(booked.get("startsAt").asString()));
            awaitExactlyOne(probe, "p_nsh");
        }
    }

    @Test
    void aFirstConsultationIsANewPatientsAndTheNextOneAnEstablishedPatients() throws Exception {
        site("npt");
        String clinician = TestTokens.of("dr-npt", Role.CLINICIAN, "npt");
        String first = request("npt", "req_npt_1", "p_npt").get("id").asString();
        HttpResponse<String> completed = send("POST", "/api/appointments/" + first + "/complete", """
                {"visitLevel":"HIGH"}""", clinician);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(EventJson.mapper()
                        .readTree(completed.body())
                        .get("newPatient")
                        .asBoolean())
                .isTrue();

        String second = request("npt", "req_npt_2", "p_npt").get("id").asString();
        assertThat(send("POST", "/api/appointments/" + second + "/complete", "", clinician)
                        .statusCode())
                .isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(brokers, EventType.CONSULTATION_COMPLETED.topic())) {
            probe.await(r -> "p_npt".equals(r.key()) && body(r).contains("req_npt_2"));
            List<ConsultationCompleted> events = probe.matching(r -> "p_npt".equals(r.key())).stream()
                    .peek(r -> assertOwnersHeaders(r, EventType.CONSULTATION_COMPLETED))
                    .map(r -> EventJson.read(r.value(), ConsultationCompleted.class))
                    .toList();
            assertThat(events)
                    .extracting(
                            ConsultationCompleted::requestId,
                            ConsultationCompleted::newPatient,
                            ConsultationCompleted::visitLevel)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "req_npt_1", true, ConsultationCompleted.VisitLevel.HIGH),
                            org.assertj.core.groups.Tuple.tuple(
                                    "req_npt_2", false, ConsultationCompleted.VisitLevel.MODERATE));
        }
    }

    @Test
    void refusesAVisitLevelThatIsNotOneOfTheLevels() throws Exception {
        site("lvl");
        String id = request("lvl", "req_lvl", "p_lvl").get("id").asString();

        HttpResponse<String> refused = send(
                "POST", "/api/appointments/" + id + "/complete", """
                {"visitLevel":"EXTREME"}""", TestTokens.of("dr-lvl", Role.CLINICIAN, "lvl"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(appointment(id).get("status").asString()).isEqualTo("SCHEDULED");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void assertOwnersHeaders(ConsumerRecord<String, byte[]> record, EventType type) {
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(type.type());
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(type.source());
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo(EventType.SPEC_VERSION);
        assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
        assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
        assertThat(TopicProbe.header(record, "content-type")).isEqualTo(EventType.CONTENT_TYPE);
        assertThat(EventSchemas.violations(type, record.value())).isEmpty();
    }

    /**
     * The patient has one event on the probe's topic, and no other arrives within a second. Counted by
     * {@code ce_id}: the outbox relay delivers at least once, and a record sent again carries the same
     * id, which consumers skip.
     */
    private static void awaitExactlyOne(TopicProbe probe, String patientId) {
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> probe.matching(r -> patientId.equals(r.key())).stream()
                                .map(r -> TopicProbe.header(r, "ce_id"))
                                .distinct()
                                .count()
                        == 1);
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Consultation requests consumed so far, whatever their outcome. */
    private double requestsConsumed() {
        return meters
                .find("clinic.events.consumed")
                .tag("type", EventType.CONSULTATION_REQUESTED.type())
                .counters()
                .stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    private boolean processed(String inboxKey) {
        return mongo.getCollection(EventInbox.COLLECTION)
                        .find(new Document("_id", inboxKey))
                        .first()
                != null;
    }

    private void site(String id) throws Exception {
        HttpResponse<String> site =
                send("POST", "/api/sites", """
                {"id":"%1$s","name":"Site %1$s","timeZone":"America/Chicago","chairs":1,
                 "openingHours":[{"day":"MONDAY","opens":"07:00","closes":"19:00"},
                   {"day":"TUESDAY","opens":"07:00","closes":"19:00"},{"day":"WEDNESDAY","opens":"07:00","closes":"19:00"},
                   {"day":"THURSDAY","opens":"07:00","closes":"19:00"},{"day":"FRIDAY","opens":"07:00","closes":"19:00"}],
                 "clinicians":[{"id":"%1$s-dr1","name":"Dr One","role":"PHYSICIAN"},
                               {"id":"%1$s-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(id), TestTokens.of("operator", Role.OPERATOR, "*"));
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
    }

    private static ConsultationRequested requested(String site, String requestId, String patientId) {
        return new ConsultationRequested(
                requestId,
                patientId,
                site,
                Condition.ANXIETY,
                ReferralSource.SELF,
                PayerType.SELF_PAY,
                false,
                Instant.parse("2026-01-05T15:00:00Z"));
    }

    /** Intake's request arrives; answers the consultation scheduling booked for it. */
    private JsonNode request(String site, String requestId, String patientId) throws Exception {
        publish(requested(site, requestId, patientId), "evt_" + requestId);
        String appointmentId = "apt_c_" + requestId;
        return await().until(() -> appointment(appointmentId), a -> a.has("status"));
    }

    private JsonNode appointment(String id) throws Exception {
        HttpResponse<String> response = send("GET", "/api/appointments/" + id, "", TestTokens.admin());
        return response.statusCode() == 200
                ? EventJson.mapper().readTree(response.body())
                : EventJson.mapper().createObjectNode();
    }

    private JsonNode appointments(String patientId) throws Exception {
        return EventJson.mapper()
                .readTree(send("GET", "/api/appointments?patientId=" + patientId, "", TestTokens.admin())
                        .body())
                .get("content");
    }

    private void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, clock.instant())));
    }

    private HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.bearer(token))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
