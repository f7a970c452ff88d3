package org.clinicops.billing.accounts.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.billing.accounts.application.PatientAccounts;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens accounts from consultation-requested and learns the treated condition from
 * treatment-plan-approved. Both handlers are idempotent by the event's own keys (an upsert per request
 * or plan, and an account update guarded by the event's time), so no {@code processed_events} entry is
 * read or written for them.
 */
@Component
class AccountListeners {

    private final EventInbox inbox;
    private final PatientAccounts accounts;

    AccountListeners(EventInbox inbox, PatientAccounts accounts) {
        this.inbox = inbox;
        this.accounts = accounts;
    }

    @KafkaListener(topics = "clinic.consultation-requested")
    void onConsultationRequested(ConsumerRecord<String, byte[]> record) {
        inbox.processIdempotent(record, ConsultationRequested.class, event -> accounts.handle(event.payload()));
    }

    @KafkaListener(topics = "clinic.treatment-plan-approved")
    void onTreatmentPlanApproved(ConsumerRecord<String, byte[]> record) {
        inbox.processIdempotent(record, TreatmentPlanApproved.class, event -> accounts.handle(event.payload()));
    }
}
