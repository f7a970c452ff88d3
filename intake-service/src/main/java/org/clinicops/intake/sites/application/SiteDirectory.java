package org.clinicops.intake.sites.application;

import java.util.Set;
import org.clinicops.intake.sites.domain.KnownSite;
import org.springframework.stereotype.Service;

/** What requests and decisions ask of the known sites: is a site open for requests, who are its physicians. */
@Service
public class SiteDirectory {

    private final KnownSites sites;

    SiteDirectory(KnownSites sites) {
        this.sites = sites;
    }

    /** Whether the site is known and open for requests. */
    public boolean accepts(String siteId) {
        return sites.findForReading(siteId).map(KnownSite::active).orElse(false);
    }

    /**
     * The ids of the site's physicians as site-updated names them; empty when intake does not know
     * the site or the site names no physician (then the decision falls back to the CLINICIAN role).
     */
    public Set<String> physiciansOf(String siteId) {
        return sites.findForReading(siteId).map(KnownSite::physicianIds).orElse(Set.of());
    }
}
