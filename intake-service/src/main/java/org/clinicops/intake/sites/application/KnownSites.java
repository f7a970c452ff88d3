package org.clinicops.intake.sites.application;

import java.util.Optional;
import org.clinicops.intake.sites.domain.KnownSite;

/** The known sites, stored by id. */
public interface KnownSites {

    Optional<KnownSite> find(String siteId);

    /** Stores the site, replacing what was stored under its id. */
    void save(KnownSite site);
}
