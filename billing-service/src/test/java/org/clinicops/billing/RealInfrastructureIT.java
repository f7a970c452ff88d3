package org.clinicops.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.test.RealInfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Test
    void opensTheAccountAndChargesASessionWithRealMongoAndKafka() {
        TestEvents.publish(
                kafka,
                new ConsultationRequested(
                        "req_real",
                        "p_real",
                        "bos",
                        Condition.PTSD,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        Instant.parse("2026-03-16T15:00:00Z")),
                "evt_real_1");

        RestClient http = Api.rest(port);
        Map<?, ?> account = await().atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> http.get()
                                .uri("/api/patients/p_real/account")
                                .exchange((req, res) ->
                                        res.getStatusCode().value() == 200 ? res.bodyTo(Map.class) : null),
                        a -> a != null);
        assertThat(account.get("balance")).isEqualTo("0.00");

        TestEvents.publish(
                kafka,
                new org.clinicops.events.SessionCompleted(
                        "apt_real",
                        "plan_real",
                        "p_real",
                        "bos",
                        "chair_1",
                        1,
                        6,
                        org.clinicops.events.Protocol.DEPRESSION_INDUCTION,
                        org.clinicops.events.Route.IV_INFUSION,
                        new java.math.BigDecimal("35"),
                        40,
                        120,
                        null,
                        null,
                        false,
                        Instant.parse("2026-03-17T15:00:00Z"),
                        Instant.parse("2026-03-17T15:40:00Z")),
                "evt_real_2");
        Map<?, ?> charged = await().atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> http.get()
                                .uri("/api/patients/p_real/account")
                                .retrieve()
                                .body(Map.class),
                        a -> "495.00".equals(a.get("balance")));
        assertThat(charged.get("openInvoices")).isEqualTo(1);
    }
}
