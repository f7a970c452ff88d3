package org.clinicops.intake.sites.application;

import org.clinicops.events.SiteUpdated;
import org.clinicops.intake.sites.domain.KnownSite;
import org.springframework.stereotype.Service;

/**
 * Keeps a site as site-updated describes it, with its physicians. A replayed or late event is
 * harmless: the newest {@code updatedAt} wins ({@link KnownSite#supersedes}).
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
                site.clinicians().stream()
                        .filter(c -> c.role() == SiteUpdated.ClinicianRole.PHYSICIAN)
                        .map(SiteUpdated.Clinician::id)
                        .toList());
        if (updated.supersedes(sites.find(site.siteId()).orElse(null))) {
            sites.save(updated);
        }
    }
}
