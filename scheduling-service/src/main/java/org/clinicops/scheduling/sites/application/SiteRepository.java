package org.clinicops.scheduling.sites.application;

import java.util.List;
import java.util.Optional;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.scheduling.sites.domain.Site;

/**
 * Stores sites; saving one stores its outbox in the same document write, and a site changed since it
 * was read is refused ({@code OptimisticLockingFailureException}).
 */
public interface SiteRepository {

    Optional<Site> findById(String id);

    /**
     * The site as a snapshot to read, never to change or save: it may be a few seconds old when
     * another instance changed the site (a change made here is seen at once). For the per-request
     * reads of booking, so that they do not cost a store round trip each.
     */
    default Optional<Site> findForReading(String id) {
        return findById(id);
    }

    /** Every site (a clinic has a handful). */
    List<Site> findAll();

    /** One page of the sites, by id. */
    List<Site> findPageById(PageRequest page);

    /** Stores a new site ({@code DuplicateKeyException} when its id is taken). */
    Site insert(Site site);

    /** Stores a changed site. */
    Site save(Site site);
}
