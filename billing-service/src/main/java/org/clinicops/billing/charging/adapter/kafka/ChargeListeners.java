package org.clinicops.billing.charging.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.billing.charging.application.ChargeForEvents;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin listeners: each source event goes through the inbox to its charge use case. */
@Component
class ChargeListeners {

    private final EventInbox inbox;
    private final ChargeForEvents charges;

    ChargeListeners(EventInbox inbox, ChargeForEvents charges) {
        this.inbox = inbox;
        this.charges = charges;
    }

    @KafkaListener(topics = "clinic.session-completed")
    void onSessionCompleted(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, SessionCompleted.class, event -> charges.handle(event.payload()));
    }

    @KafkaListener(topics = "clinic.session-stopped")
    void onSessionStopped(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, SessionStopped.class, event -> charges.handle(event.payload()));
    }

    @KafkaListener(topics = "clinic.consultation-completed")
    void onConsultationCompleted(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, ConsultationCompleted.class, event -> charges.handle(event.payload()));
    }

    @KafkaListener(topics = "clinic.patient-no-show")
    void onNoShow(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, PatientNoShow.class, event -> charges.handle(event.payload()));
    }

    @KafkaListener(topics = "clinic.infusion-cancelled")
    void onInfusionCancelled(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, InfusionCancelled.class, event -> charges.handle(event.payload()));
    }
}
