package org.clinicops.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Checking in a consultation tells intake the patient has arrived (screening may start). */
@ServiceIntegrationTest
class ConsultationCheckInIntegrationTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void checkingInAConsultationPublishesConsultationCheckedIn() throws Exception {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneId.of("America/Chicago")));
        HttpResponse<String> site = send("POST", "/api/sites", """
                {"id":"endk","name":"Site endk","timeZone":"America/Chicago","chairs":1,
                 "openingHours":[{"day":"MONDAY","opens":"07:00","closes":"19:00"},
                   {"day":"TUESDAY","opens":"07:00","closes":"19:00"},{"day":"WEDNESDAY","opens":"07:00","closes":"19:00"},
                   {"day":"THURSDAY","opens":"07:00","closes":"19:00"},{"day":"FRIDAY","opens":"07:00","closes":"19:00"}],
                 "clinicians":[{"id":"endk-dr1","name":"Dr One","role":"PHYSICIAN"},
                               {"id":"endk-rn1","name":"Nurse One","role":"NURSE"}]}""", TestTokens.of("operator", Role.OPERATOR, "*"));
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
        kafka.send(EventRecords.fromOwner(PendingEvent.of(
                new ConsultationRequested(
                        "req_endk",
                        "p_endk",
                        "endk",
                        Condition.ANXIETY,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        clock.instant()),
                "evt_req_endk",
                clock.instant())));
        JsonNode consultation = await().until(
                        () -> EventJson.mapper()
                                .readTree(send("GET", "/api/appointments?patientId=p_endk", "", TestTokens.admin())
                                        .body())
                                .get("content"),
                        content -> !content.isEmpty())
                .get(0);
        String id = consultation.get("id").asString();

        HttpResponse<String> checkedIn = send(
                "POST", "/api/appointments/" + id + "/check-in", "", TestTokens.of("nurse-endk", Role.NURSE, "endk"));
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.consultation-checked-in")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_endk".equals(r.key()));
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(EventType.CONSULTATION_CHECKED_IN.source());
            assertThat(EventSchemas.violations(EventType.CONSULTATION_CHECKED_IN, record.value()))
                    .isEmpty();
            ConsultationCheckedIn event = EventJson.read(record.value(), ConsultationCheckedIn.class);
            assertThat(event.appointmentId()).isEqualTo(id);
            assertThat(event.requestId()).isEqualTo("req_endk");
            assertThat(event.clinicianId()).isEqualTo("endk-dr1");
            assertThat(event.siteId()).isEqualTo("endk");
        }
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
