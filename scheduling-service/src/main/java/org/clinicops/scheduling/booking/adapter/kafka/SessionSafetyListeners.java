package org.clinicops.scheduling.booking.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.scheduling.booking.application.TrackSessionSafety;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin listeners feeding the session-safety read model that discharge checks read: vitals readings
 * and alerts from monitoring (the inbox refuses them from any other source). The session's document
 * keeps its own inbox: one upsert per event, no {@code processed_events} entry.
 */
@Component
class SessionSafetyListeners {

    private final EventInbox inbox;
    private final TrackSessionSafety safety;

    SessionSafetyListeners(EventInbox inbox, TrackSessionSafety safety) {
        this.inbox = inbox;
        this.safety = safety;
    }

    @KafkaListener(topics = "clinic.vitals-recorded")
    void onVitalsRecorded(ConsumerRecord<String, byte[]> record) {
        inbox.processInDocument(record, VitalsRecorded.class, safety::vitalsRecorded);
    }

    @KafkaListener(topics = "clinic.vitals-alert-raised")
    void onVitalsAlertRaised(ConsumerRecord<String, byte[]> record) {
        inbox.processInDocument(record, VitalsAlertRaised.class, safety::alertRaised);
    }

    @KafkaListener(topics = "clinic.vitals-alert-closed")
    void onVitalsAlertClosed(ConsumerRecord<String, byte[]> record) {
        inbox.processInDocument(record, VitalsAlertClosed.class, safety::alertClosed);
    }
}
