package org.clinicops.scheduling.sites.adapter.web;

import java.time.Instant;
import java.util.List;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Closure;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;

/** A site as the API shows it. */
record SiteResponse(
        String id,
        String name,
        String timeZone,
        String currency,
        List<Chair> chairs,
        List<Clinician> clinicians,
        List<OpeningHours> openingHours,
        List<Closure> closures,
        Instant updatedAt) {

    static SiteResponse of(Site site) {
        return new SiteResponse(
                site.id(),
                site.name(),
                site.zone().getId(),
                site.currency(),
                site.chairs(),
                site.clinicians(),
                site.openingHours(),
                site.closures(),
                site.updatedAt());
    }
}
