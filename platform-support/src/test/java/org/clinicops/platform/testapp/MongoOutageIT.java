package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.platform.test.NetworkOutage;
import org.clinicops.platform.test.TestTokensInitializer;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MongoDB goes away under a stream of events and comes back: the consumer waits it out, pausing its
 * listener, and applies every event afterwards; nothing reaches the dead-letter topic, although the
 * retries for other failures end after 300 ms here. The service reaches MongoDB through a proxy the
 * test cuts for 60 s: the connections drop and new ones are refused, as when the mongo process
 * stops, and the same data is there when it comes back.
 *
 * <p>One service's listener, not the whole platform: every service's consumers get this error
 * handler from platform-support, and starting the four services and the authorization server as
 * processes for a second outage of a minute would cost the 2-core build several more minutes. The
 * listener here writes to MongoDB through the inbox as bookings, charges and holds do.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "clinic.kafka.partitions=1",
            "clinic.kafka.retry-initial-interval=50ms",
            "clinic.kafka.retry-max-elapsed=300ms",
            "clinic.kafka.outage-retry-initial-interval=500ms",
            "clinic.kafka.outage-retry-max-interval=5s",
            "clinic.outbox.sweep-interval=500ms"
        })
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = TestTokensInitializer.class)
class MongoOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final NetworkOutage MONGO = NetworkOutage.to(InMemoryMongo.address());

    @DynamicPropertySource
    static void mongoBehindTheProxy(DynamicPropertyRegistry registry) {
        // driver timeouts short enough that each attempt during the outage fails in seconds
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://" + MONGO.address() + "/outage_test"
                        + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000");
    }

    @AfterAll
    static void closeProxy() {
        MONGO.close();
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TicketListener listener;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Test
    void eventsConsumedDuringAMongoOutageAreAppliedWhenItReturnsAndNoneIsDeadLettered() {
        send("out_before_", 0, 5);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(listener.applied).contains("out_before_4"));

        MONGO.cut();
        long cutAt = System.nanoTime();
        List<String> during = send("out_during_", 0, 40);
        await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> true);
        assertThat(listener.applied).doesNotContainAnyElementsOf(during);
        MONGO.restore();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(listener.applied).containsAll(during));
        assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).isGreaterThanOrEqualTo(OUTAGE);
        try (TopicProbe dlt = new TopicProbe(brokers, "clinic.consultation-requested.dlt")) {
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(dlt.matching(r -> true)).isEmpty());
        }
    }

    private List<String> send(String prefix, int from, int count) {
        List<String> ids = new ArrayList<>();
        IntStream.range(from, from + count).forEach(i -> {
            String requestId = prefix + i;
            Instant at = Instant.parse("2026-11-24T10:00:00Z");
            kafka.send(EventRecords.fromOwner(PendingEvent.of(
                    new ConsultationRequested(
                            requestId,
                            "p_" + requestId,
                            "bos",
                            Condition.PTSD,
                            ReferralSource.THERAPIST,
                            PayerType.SELF_PAY,
                            false,
                            at),
                    "evt_" + requestId,
                    at)));
            ids.add(requestId);
        });
        return ids;
    }
}
