package org.clinicops.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.RealInfrastructure;
import org.clinicops.platform.test.RealInfrastructureTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The main flow against real MongoDB and Apache Kafka images; skipped where Docker is missing. The
 * public form needs no token; the patient's identity reaches real MongoDB encrypted.
 */
@RealInfrastructureTest
class RealInfrastructureIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Test
    void acceptsARequestAndPublishesItOnRealInfrastructure() throws Exception {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC));
        kafka.send(EventRecords.fromOwner(PendingEvent.of(
                new SiteUpdated("real", "Real", "UTC", "USD", 2, List.of(), true, clock.instant()),
                "evt_site_real",
                clock.instant())));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/consultation-requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"siteId": "real", "patient": {"firstName": "Rea", "lastName": "Lity", "dateOfBirth": "1990-01-01",
                         "email": "rea@example.org", "phone": "+1 555 0100"}, "condition": "ANXIETY",
                         "referralSource": "SELF", "payerType": "SELF_PAY"}"""))
                .build();
        HttpResponse<String> created = await().until(
                        () -> http.send(request, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 201);

        try (TopicProbe probe =
                new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), "clinic.consultation-requested")) {
            ConsultationRequested event = EventJson.read(
                    probe.await(r -> created.body().contains(new String(r.key().getBytes())))
                            .value(),
                    ConsultationRequested.class);
            assertThat(event.siteId()).isEqualTo("real");
            org.bson.Document patient = mongo.getCollection("patients")
                    .find(new org.bson.Document("_id", event.patientId()))
                    .first();
            assertThat(patient).isNotNull();
            assertThat(patient.getString("email")).doesNotContain("rea@example.org");
            assertThat(patient.getString("lastName")).doesNotContain("Lity");
        }
    }
}
