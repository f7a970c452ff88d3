package org.clinicops.scheduling.sites.adapter.mongo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SortOrder;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.stereotype.Component;

/**
 * Sites in {@code sites}, one versioned document per site with its outbox inside. Reads for booking
 * ({@link #findForReading}) are served from a snapshot for a few seconds; a save here drops it.
 */
@Component
class MongoSiteRepository implements SiteRepository {

    private static final List<SortOrder> BY_ID = List.of(SortOrder.asc("id"));

    /** How long a snapshot read serves: bounds how late a change made by another instance is seen. */
    static final Duration SNAPSHOT_LIFE = Duration.ofSeconds(5);

    private final SpringDataSites repository;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** Counts the saves made here, so that a read overtaken by one does not keep what it read. */
    private final AtomicLong saves = new AtomicLong();

    MongoSiteRepository(SpringDataSites repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Site> findById(String id) {
        return repository.findById(id);
    }

    @Override
    public Optional<Site> findForReading(String id) {
        Snapshot snapshot = snapshots.get(id);
        long now = System.nanoTime(); // monotonic, for the snapshot's age only
        if (snapshot != null && now - snapshot.readAt() < SNAPSHOT_LIFE.toNanos()) {
            return Optional.of(snapshot.site());
        }
        long savesBefore = saves.get();
        Optional<Site> site = repository.findById(id);
        // an unknown site is not remembered: its registration must be seen by the next booking
        if (site.isPresent() && saves.get() == savesBefore) {
            snapshots.put(id, new Snapshot(site.get(), now));
        }
        return site;
    }

    @Override
    public List<Site> findAll() {
        return repository.findAll();
    }

    @Override
    public List<Site> findPageById(PageRequest page) {
        return repository
                .findAll(SpringDataPages.toPageable(new PageRequest(page.number(), page.size(), BY_ID)))
                .getContent();
    }

    @Override
    public Site insert(Site site) {
        try {
            return repository.insert(site);
        } finally {
            forget(site.id());
        }
    }

    @Override
    public Site save(Site site) {
        try {
            return repository.save(site);
        } finally {
            forget(site.id());
        }
    }

    private void forget(String id) {
        saves.incrementAndGet();
        snapshots.remove(id);
    }

    private record Snapshot(Site site, long readAt) {}
}
