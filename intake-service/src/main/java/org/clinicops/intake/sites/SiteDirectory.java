package org.clinicops.intake.sites;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.inbox.EventInbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The sites intake accepts requests for, and their physicians, kept up to date from the compacted
 * site-updated topic.
 */
@Component
public class SiteDirectory {

    private final MongoTemplate mongo;
    private final EventInbox inbox;

    SiteDirectory(MongoTemplate mongo, EventInbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "clinic.site-updated")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.process(record, SiteUpdated.class, event -> {
            SiteUpdated site = event.payload();
            KnownSite current = mongo.findById(site.siteId(), KnownSite.class);
            if (current == null || !current.updatedAt().isAfter(site.updatedAt())) {
                mongo.save(new KnownSite(
                        site.siteId(),
                        site.name(),
                        site.timeZone(),
                        site.active(),
                        site.updatedAt(),
                        site.clinicians().stream()
                                .filter(c -> c.role() == SiteUpdated.ClinicianRole.PHYSICIAN)
                                .map(SiteUpdated.Clinician::id)
                                .toList()));
            }
        });
    }

    /** Whether the site is known and open for requests. */
    public boolean accepts(String siteId) {
        return find(siteId).map(KnownSite::active).orElse(false);
    }

    /**
     * The ids of the site's physicians as site-updated names them; empty when intake does not know
     * the site or the site names no physician (then the decision falls back to the CLINICIAN role).
     */
    public Set<String> physiciansOf(String siteId) {
        return find(siteId)
                .map(KnownSite::physicians)
                .<Set<String>>map(Set::copyOf)
                .orElse(Set.of());
    }

    Optional<KnownSite> find(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, KnownSite.class));
    }
}
