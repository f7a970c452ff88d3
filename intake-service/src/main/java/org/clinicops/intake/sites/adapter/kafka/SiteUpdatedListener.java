package org.clinicops.intake.sites.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.SiteUpdated;
import org.clinicops.intake.sites.application.RecordSiteUpdate;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The compacted site-updated topic keeps the known sites up to date. */
@Component
class SiteUpdatedListener {

    private final EventInbox inbox;
    private final RecordSiteUpdate record;

    SiteUpdatedListener(EventInbox inbox, RecordSiteUpdate record) {
        this.inbox = inbox;
        this.record = record;
    }

    @KafkaListener(topics = "clinic.site-updated")
    void on(ConsumerRecord<String, byte[]> event) {
        inbox.process(event, SiteUpdated.class, site -> record.handle(site.payload()));
    }
}
