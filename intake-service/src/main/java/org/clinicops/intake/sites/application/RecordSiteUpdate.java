package org.clinicops.intake.sites.application;

import org.clinicops.events.SiteUpdated;
import org.clinicops.intake.sites.domain.KnownSite;
import org.clinicops.platform.sites.SiteUpdates;
import org.springframework.stereotype.Service;

/**
 * Keeps a site as site-updated describes it, with its physicians. A replayed or late event is
 * harmless: the newest {@code updatedAt} wins ({@link SiteUpdates#isCurrent}).
 */
@Service
public class RecordSiteUpdate {

    private final KnownSites sites;

    RecordSiteUpdate(KnownSites sites) {
        this.sites = sites;
    }

    public void handle(SiteUpdated site) {
        KnownSite updated = new KnownSite(
                site.siteId(),
                site.name(),
                site.timeZone(),
                site.active(),
                site.updatedAt(),
                SiteUpdates.physicianIds(site));
        KnownSite stored = sites.find(site.siteId()).orElse(null);
        if (SiteUpdates.isCurrent(site, stored == null ? null : stored.updatedAt())) {
            sites.save(updated);
        }
    }
}
