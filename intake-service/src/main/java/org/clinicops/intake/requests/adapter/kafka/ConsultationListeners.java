package org.clinicops.intake.requests.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.intake.requests.application.ProgressConsultation;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Scheduling's consultation events (booked, checked in, completed) move requests along; each request
 * keeps the events applied to it in its own inbox, written with the change.
 */
@Component
class ConsultationListeners {

    private final EventInbox inbox;
    private final ProgressConsultation progress;

    ConsultationListeners(EventInbox inbox, ProgressConsultation progress) {
        this.inbox = inbox;
        this.progress = progress;
    }

    @KafkaListener(topics = "clinic.consultation-scheduled")
    void scheduled(ConsumerRecord<String, byte[]> record) {
        inbox.processInDocument(record, ConsultationScheduled.class, progress::scheduled);
    }

    @KafkaListener(topics = "clinic.consultation-checked-in")
    void checkedIn(ConsumerRecord<String, byte[]> record) {
        inbox.processInDocument(record, ConsultationCheckedIn.class, progress::checkedIn);
    }

    @KafkaListener(topics = "clinic.consultation-completed")
    void completed(ConsumerRecord<String, byte[]> record) {
        inbox.processInDocument(record, ConsultationCompleted.class, progress::completed);
    }
}
