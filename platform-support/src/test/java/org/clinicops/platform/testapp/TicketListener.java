package org.clinicops.platform.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every consultation-requested it applies; fails on request ids starting with "fail", and on
 * those in {@link #refused} until a test removes them (a bug fixed).
 */
@Component
public class TicketListener {

    private final EventInbox inbox;
    final List<String> applied = new CopyOnWriteArrayList<>();
    final java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TicketListener(EventInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(topics = "clinic.consultation-requested")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, ConsultationRequested.class, event -> {
            if (event.payload().requestId().startsWith("fail")
                    || refused.contains(event.payload().requestId())) {
                throw new IllegalStateException("cannot apply");
            }
            applied.add(event.payload().requestId());
        });
    }
}
