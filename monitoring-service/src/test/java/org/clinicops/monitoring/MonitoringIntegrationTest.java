package org.clinicops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

@ServiceIntegrationTest
class MonitoringIntegrationTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    void publish(ClinicEvent event, String eventId) {
        kafka.send(CloudEventRecords.toRecord(PendingEvent.of(event, eventId, T0), CloudEventRecords.sourceOf("test")));
    }

    String scrape() {
        return RestClient.create("http://localhost:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }

    @Test
    void countsRequestsAndScheduledConsultationsOncePerEventEvenWhenRedelivered() {
        ConsultationRequested requested = new ConsultationRequested(
                "req_skel",
                "p_skel",
                "site_skel",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                ReferralSource.SELF,
                PayerType.SELF_PAY,
                false,
                T0);
        ConsultationScheduled scheduled = new ConsultationScheduled(
                "apt_skel",
                "req_skel",
                "p_skel",
                "site_skel",
                "cl_1",
                false,
                T0,
                T0.plus(Duration.ofDays(3)),
                T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)),
                T0.plusSeconds(60));
        publish(requested, "evt_skel_req");
        publish(requested, "evt_skel_req");
        publish(scheduled, "evt_skel_sched");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(scrape())
                                .contains(
                                        "clinic_consultation_requests_total{application=\"monitoring-service\",site=\"site_skel\"} 1.0")
                                .contains(
                                        "clinic_consultations_scheduled_total{application=\"monitoring-service\",site=\"site_skel\"} 1.0")
                                .contains(
                                        "clinic_waiting_list_patients{application=\"monitoring-service\",site=\"site_skel\"} 0.0")
                                .contains(
                                        "clinic_request_to_consultation_days_bucket{application=\"monitoring-service\",site=\"site_skel\",le=\"3.0\"} 1"));
    }
}
