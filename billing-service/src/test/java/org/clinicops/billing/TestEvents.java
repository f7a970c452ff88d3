package org.clinicops.billing;

import java.time.Instant;
import org.clinicops.events.ClinicEvent;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes test input events the way a producing service would. */
public final class TestEvents {

    private TestEvents() {}

    public static void publish(KafkaTemplate<String, byte[]> kafka, ClinicEvent event, String eventId) {
        try {
            kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, Instant.parse("2026-03-16T15:00:00Z"))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
