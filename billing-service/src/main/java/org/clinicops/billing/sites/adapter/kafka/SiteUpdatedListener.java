package org.clinicops.billing.sites.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns sites and their currency from site-updated. */
@Component
class SiteUpdatedListener {

    private final EventInbox inbox;
    private final BillingSites sites;

    SiteUpdatedListener(EventInbox inbox, BillingSites sites) {
        this.inbox = inbox;
        this.sites = sites;
    }

    @KafkaListener(topics = "clinic.site-updated")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, SiteUpdated.class, event -> sites.handle(event.payload()));
    }
}
