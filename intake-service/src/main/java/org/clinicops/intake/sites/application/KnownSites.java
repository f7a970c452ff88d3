package org.clinicops.intake.sites.application;

import java.util.Optional;
import org.clinicops.intake.sites.domain.KnownSite;

/** The known sites, stored by id. */
public interface KnownSites {

    Optional<KnownSite> find(String siteId);

    /**
     * The site for a request's checks: may be a few seconds old when another instance recorded a
     * site-updated (one recorded here is seen at once). Spares each request a store read.
     */
    default Optional<KnownSite> findForReading(String siteId) {
        return find(siteId);
    }

    /** Stores the site, replacing what was stored under its id. */
    void save(KnownSite site);
}
