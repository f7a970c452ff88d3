package org.clinicops.monitoring.indicators.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.clinicops.events.EventType;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.EventSchemas;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The lifecycle events of issue 18 (withdrawn requests, cancelled and missed consultations, voided
 * and adjusted invoices) reach monitoring's listener, are stored once as facts whatever the
 * redeliveries, and are refused when they do not come from their topic's owner. What the indicators
 * make of them is the projection's business.
 */
@ServiceIntegrationTest
class LifecycleEventsConsumedTest {

    static final List<EventType> LIFECYCLE = List.of(
            EventType.CONSULTATION_REQUEST_WITHDRAWN,
            EventType.CONSULTATION_CANCELLED,
            EventType.CONSULTATION_NO_SHOW,
            EventType.INVOICE_VOIDED,
            EventType.INVOICE_ADJUSTED);
    static final Instant AT = Instant.parse("2026-03-18T10:00:00Z");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    /** The contract's sample of the type, as its owner publishes it under {@code eventId}. */
    static PendingEvent sample(EventType type, String eventId) {
        return new PendingEvent(
                eventId,
                type.type(),
                type.topic(),
                "p_7Hq2mXc9LwQe",
                new String(EventSchemas.sample(type), StandardCharsets.UTF_8),
                AT);
    }

    /** Repeats recognised: the fact, stored under the ce_id, is the indicators' inbox entry. */
    private double duplicates(EventType type) {
        var counter = meters.find("clinic.events.consumed")
                .tags("type", type.type(), "outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean stored(String collection, String id) {
        return mongo.getCollection(collection).find(new Document("_id", id)).first() != null;
    }

    @Test
    void theListenerSubscribesToTheLifecycleTopics() {
        var container = listeners.getListenerContainer("monitoring-all-events");

        assertThat(container).isNotNull();
        assertThat(container.getContainerProperties().getTopics())
                .contains(LIFECYCLE.stream().map(EventType::topic).toArray(String[]::new));
    }

    @Test
    void storesEachLifecycleEventOnceWhateverTheRedeliveries() {
        for (EventType type : LIFECYCLE) {
            PendingEvent event = sample(type, "evt_i18_" + type.eventName());
            kafka.send(EventRecords.fromOwner(event));
            kafka.send(EventRecords.fromOwner(event));
        }

        for (EventType type : LIFECYCLE) {
            String id = "evt_i18_" + type.eventName();
            await().atMost(Duration.ofSeconds(30)).until(() -> stored("facts", id) && duplicates(type) >= 1);
            assertThat(mongo.getCollection("facts").countDocuments(new Document("_id", id)))
                    .as(type.topic())
                    .isEqualTo(1);
            assertThat(mongo.getCollection("facts")
                            .find(new Document("_id", id))
                            .first()
                            .getString("type"))
                    .isEqualTo(type.type());
        }
    }

    @Test
    void aLifecycleEventFromAServiceThatDoesNotOwnItsTopicIsDeadLetteredNotStored() {
        // only billing voids invoices, only intake withdraws requests
        kafka.send(CloudEventRecords.toRecord(
                sample(EventType.INVOICE_VOIDED, "evt_i18_forged_void"),
                URI.create(EventType.CONSULTATION_CANCELLED.source())));
        kafka.send(CloudEventRecords.toRecord(
                sample(EventType.CONSULTATION_REQUEST_WITHDRAWN, "evt_i18_forged_withdrawal"),
                URI.create(EventType.INVOICE_ISSUED.source())));

        try (TopicProbe dlt = new TopicProbe(
                brokers,
                EventType.INVOICE_VOIDED.topic() + ".dlt",
                EventType.CONSULTATION_REQUEST_WITHDRAWN.topic() + ".dlt")) {
            dlt.await(r -> "evt_i18_forged_void".equals(TopicProbe.header(r, "ce_id")));
            dlt.await(r -> "evt_i18_forged_withdrawal".equals(TopicProbe.header(r, "ce_id")));
        }
        assertThat(stored("facts", "evt_i18_forged_void")).isFalse();
        assertThat(stored("facts", "evt_i18_forged_withdrawal")).isFalse();
    }
}
