package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.cloudevents.ForeignSourceException;
import org.clinicops.platform.outbox.OutboxRelay;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@ServiceIntegrationTest
class ReliableMessagingTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TicketAccess tickets;

    @Autowired
    MeterRegistry meters;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Test
    void publishesTheEventWrittenWithTheStateChangeWithCloudEventsHeaders() {
        Ticket ticket = tickets.open("req_published", "p_published");

        try (TopicProbe probe = new TopicProbe(brokers, "clinic.consultation-requested")) {
            ConsumerRecord<String, byte[]> record = probe.await(r -> "p_published".equals(r.key()));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("clinic.consultation-requested.v1");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/clinicops/intake-service");
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"requestId\":\"req_published\"");
        }
        await().untilAsserted(
                        () -> assertThat(tickets.pendingEventsOf(ticket.id())).isZero());
    }

    @Test
    void publishesAfterRestartWhatACrashLeftInTheOutbox() {
        relay.stop();
        Ticket ticket;
        try {
            ticket = tickets.open("req_crash", "p_crash");
            assertThat(tickets.pendingEventsOf(ticket.id())).isEqualTo(1);
        } finally {
            relay.start(); // the restarted process sweeps every outbox
        }
        try (TopicProbe probe = new TopicProbe(brokers, "clinic.consultation-requested")) {
            probe.await(r -> "p_crash".equals(r.key()));
        }
        await().untilAsserted(
                        () -> assertThat(tickets.pendingEventsOf(ticket.id())).isZero());
    }

    @Test
    void appliesARedeliveredEventOnce() {
        PendingEvent event = pendingEvent("req_twice", "evt_twice");
        kafka.send(EventRecords.fromOwner(event));
        kafka.send(EventRecords.fromOwner(event));

        await().untilAsserted(() -> assertThat(meters.find("clinic.events.consumed")
                        .tags("outcome", "duplicate", "type", "clinic.consultation-requested.v1")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1.0)));
        assertThat(tickets.listener().applied()).containsOnlyOnce("req_twice");
    }

    @Test
    void sendsAPoisonMessageToTheDeadLetterTopicWithoutDetailsAndCarriesOn() {
        kafka.send(new ProducerRecord<>(
                "clinic.consultation-requested", "p_poison", "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        kafka.send(EventRecords.fromOwner(pendingEvent("fail_always", "evt_fail")));
        kafka.send(EventRecords.fromOwner(pendingEvent("req_after_poison", "evt_after")));

        try (TopicProbe dlt = new TopicProbe(brokers, "clinic.consultation-requested.dlt")) {
            ConsumerRecord<String, byte[]> poison = dlt.await(r -> "p_poison".equals(r.key()));
            ConsumerRecord<String, byte[]> failing = dlt.await(r -> "evt_fail".equals(TopicProbe.header(r, "ce_id")));
            for (ConsumerRecord<String, byte[]> record : java.util.List.of(poison, failing)) {
                Set<String> headers = new java.util.HashSet<>();
                record.headers().forEach(h -> headers.add(h.key()));
                assertThat(headers)
                        .contains("kafka_dlt-original-topic", "kafka_dlt-exception-fqcn")
                        .doesNotContain("kafka_dlt-exception-stacktrace", "kafka_dlt-exception-message");
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tickets.listener().applied()).contains("req_after_poison"));
        assertThat(meters.find("clinic.events.consumed")
                        .tags("outcome", "failed")
                        .counter())
                .isNotNull();
    }

    @Test
    void refusesAnEventFromAServiceThatDoesNotOwnItsTopic() {
        // only intake publishes consultation requests: the same event from billing is a forgery
        kafka.send(CloudEventRecords.toRecord(
                pendingEvent("req_forged", "evt_forged"), CloudEventRecords.sourceOf("billing-service")));
        kafka.send(EventRecords.fromOwner(pendingEvent("req_genuine", "evt_genuine")));

        try (TopicProbe dlt = new TopicProbe(brokers, "clinic.consultation-requested.dlt")) {
            ConsumerRecord<String, byte[]> forged = dlt.await(r -> "evt_forged".equals(TopicProbe.header(r, "ce_id")));
            assertThat(TopicProbe.header(forged, "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(ForeignSourceException.class.getName());
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tickets.listener().applied()).contains("req_genuine"));
        assertThat(tickets.listener().applied()).doesNotContain("req_forged");
    }

    private static PendingEvent pendingEvent(String requestId, String eventId) {
        return PendingEvent.of(
                new org.clinicops.events.ConsultationRequested(
                        requestId,
                        "p_" + requestId,
                        "bos",
                        org.clinicops.events.Condition.PTSD,
                        org.clinicops.events.ReferralSource.THERAPIST,
                        org.clinicops.events.PayerType.SELF_PAY,
                        false,
                        Instant.parse("2026-11-24T10:00:00Z")),
                eventId,
                Instant.parse("2026-11-24T10:00:00Z"));
    }
}
