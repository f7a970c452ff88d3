package org.clinicops.monitoring.indicators.adapter.kafka;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventType;
import org.clinicops.monitoring.indicators.application.EventReactions;
import org.clinicops.monitoring.indicators.application.RecordFact;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.inbox.InboundEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every clinic topic and records each event once as a fact for the indicators: the fact,
 * stored under the event's {@code ce_id}, is its own inbox entry.
 */
@Component
public class ClinicEventListener {

    private final EventInbox inbox;
    private final RecordFact recordFact;
    private final List<EventReactions> reactions;

    ClinicEventListener(EventInbox inbox, RecordFact recordFact, List<EventReactions> reactions) {
        this.inbox = inbox;
        this.recordFact = recordFact;
        this.reactions = reactions;
    }

    /** Every clinic topic of contract v1. */
    public static String[] topics() {
        return Arrays.stream(EventType.values()).map(EventType::topic).toArray(String[]::new);
    }

    @KafkaListener(
            id = "monitoring-all-events",
            idIsGroup = false,
            topics = "#{T(org.clinicops.monitoring.indicators.adapter.kafka.ClinicEventListener).topics()}")
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent<ClinicEvent> event = inbox.readAny(record);
        // the fact's _id is the ce_id: its insert records the event and recognises a repeat at once
        inbox.applyOnce(event, e -> recordFact.handle(new RecordedEvent(e.id(), e.time(), e.payload())));
        reactions.forEach(r -> r.react(event));
    }
}
