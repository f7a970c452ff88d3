package org.clinicops.platform.deadletters;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicops.events.EventType;
import org.clinicops.platform.kafka.ClinicTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * {@code clinic_dead_letters_pending{topic}}: dead letters of this service waiting for a
 * replay, one series per dead-letter topic of the contract (a bounded set, each 0 until something
 * arrives). The values are counted in MongoDB after every change and every minute, never during a
 * scrape, so a scrape during a MongoDB outage answers at once with the last count.
 */
class DeadLetterMetrics {

    static final String PENDING = "clinic.dead.letters.pending";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterMetrics.class);

    private final DeadLetterStore store;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    DeadLetterMetrics(DeadLetterStore store, MeterRegistry meters) {
        this.store = store;
        for (EventType type : EventType.values()) {
            String topic = ClinicTopics.deadLetterTopicOf(type.topic());
            AtomicLong value = pending.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder(PENDING, value, AtomicLong::get)
                    .description("Dead letters of this service's consumer group waiting for a replay")
                    .tag("topic", topic)
                    .register(meters);
        }
    }

    /** Counts the pending dead letters again; keeps the last counts if MongoDB does not answer. */
    void refresh() {
        try {
            Map<String, Long> counts = store.pendingByTopic();
            pending.forEach((topic, value) -> value.set(counts.getOrDefault(topic, 0L)));
        } catch (DataAccessException | MongoException e) {
            LOG.warn(
                    "could not count pending dead letters ({}); keeping the last counts",
                    e.getClass().getName());
        }
    }
}
