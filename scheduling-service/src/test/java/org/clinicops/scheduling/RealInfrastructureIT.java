package org.clinicops.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.EventJson;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.RealInfrastructure;
import org.clinicops.platform.test.RealInfrastructureTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** The main flow against real MongoDB and Apache Kafka images; skipped where Docker is missing. */
@RealInfrastructureTest
class RealInfrastructureIT {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    @Test
    void booksAConsultationForARequestOnRealInfrastructure() throws Exception {
        // a weekday morning at the site (in UTC), whenever this runs: the request is booked minutes later
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC));
        HttpResponse<String> site = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sites"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        TestTokens.bearer(TestTokens.of("operator", Role.OPERATOR, "*")))
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"id":"real","name":"Real","timeZone":"UTC","chairs":1,
                                         "openingHours":[%s],
                                         "clinicians":[{"id":"real-dr","name":"Dr Real","role":"PHYSICIAN"}]}""".formatted(allWeek())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(site.statusCode()).isEqualTo(201);

        kafka.send(EventRecords.fromOwner(PendingEvent.of(
                new ConsultationRequested(
                        "req_real",
                        "p_real",
                        "real",
                        Condition.ANXIETY,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        clock.instant()),
                "evt_real",
                clock.instant())));

        try (TopicProbe probe =
                new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), "clinic.consultation-scheduled")) {
            ConsultationScheduled scheduled =
                    EventJson.read(probe.await(r -> "p_real".equals(r.key())).value(), ConsultationScheduled.class);
            assertThat(scheduled.clinicianId()).isEqualTo("real-dr");
        }
    }

    private static String allWeek() {
        StringBuilder days = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!days.isEmpty()) {
                days.append(',');
            }
            days.append("{\"day\":\"").append(day).append("\",\"opens\":\"00:00\",\"closes\":\"24:00\"}");
        }
        return days.toString();
    }
}
