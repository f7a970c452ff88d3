package org.clinicops.intake.sites.adapter.mongo;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicops.intake.sites.application.KnownSites;
import org.clinicops.intake.sites.domain.KnownSite;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The known sites in the {@code sites} collection, one document per site; reads for requests are
 * served from a snapshot for a few seconds, dropped when a site is saved here.
 */
@Component
class MongoKnownSites implements KnownSites {

    /** How long a snapshot serves: bounds how late a site-updated recorded by another instance is seen. */
    static final Duration SNAPSHOT_LIFE = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** Counts the saves made here, so that a read overtaken by one does not keep what it read. */
    private final AtomicLong saves = new AtomicLong();

    MongoKnownSites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<KnownSite> findForReading(String siteId) {
        Snapshot snapshot = snapshots.get(siteId);
        long now = System.nanoTime(); // monotonic, for the snapshot's age only
        if (snapshot != null && now - snapshot.readAt() < SNAPSHOT_LIFE.toNanos()) {
            return Optional.of(snapshot.site());
        }
        long savesBefore = saves.get();
        Optional<KnownSite> site = find(siteId);
        // an unknown site is not remembered: its first site-updated must be seen by the next request
        if (site.isPresent() && saves.get() == savesBefore) {
            snapshots.put(siteId, new Snapshot(site.get(), now));
        }
        return site;
    }

    @Override
    public Optional<KnownSite> find(String siteId) {
        return Optional.ofNullable(mongo.findById(siteId, KnownSiteDocument.class))
                .map(KnownSiteDocument::toSite);
    }

    @Override
    public void save(KnownSite site) {
        try {
            mongo.save(KnownSiteDocument.of(site));
        } finally {
            saves.incrementAndGet();
            snapshots.remove(site.id());
        }
    }

    private record Snapshot(KnownSite site, long readAt) {}
}
