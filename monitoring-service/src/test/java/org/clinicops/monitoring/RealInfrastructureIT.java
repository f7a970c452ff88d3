package org.clinicops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.RealInfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/** The service against real MongoDB and Apache Kafka images; skipped where Docker is missing. */
@RealInfrastructureTest
class RealInfrastructureIT {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void countsAConsultationRequestConsumedFromRealKafka() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        kafka.send(EventRecords.fromOwner(PendingEvent.of(
                new ConsultationRequested(
                        "req_tc",
                        "p_tc",
                        "site_tc",
                        Condition.PTSD,
                        ReferralSource.PHYSICIAN,
                        PayerType.INSURANCE,
                        false,
                        now),
                "evt_tc",
                now)));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(RestClient.create("http://localhost:" + managementPort)
                                        .get()
                                        .uri("/actuator/prometheus")
                                        .retrieve()
                                        .body(String.class))
                                .contains(
                                        "clinic_consultation_requests_total{application=\"monitoring-service\",site=\"site_tc\"} 1.0"));
    }
}
