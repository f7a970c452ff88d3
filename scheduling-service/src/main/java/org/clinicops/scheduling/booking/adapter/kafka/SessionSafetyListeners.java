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
 * and alerts from monitoring (the inbox refuses them from any other source).
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
        inbox.process(record, VitalsRecorded.class, event -> safety.vitalsRecorded(event.payload()));
    }

    @KafkaListener(topics = "clinic.vitals-alert-raised")
    void onVitalsAlertRaised(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, VitalsAlertRaised.class, event -> safety.alertRaised(event.payload()));
    }

    @KafkaListener(topics = "clinic.vitals-alert-closed")
    void onVitalsAlertClosed(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, VitalsAlertClosed.class, event -> safety.alertClosed(event.payload()));
    }
}
