package org.clinicops.scheduling.sites.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Closure;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Changes a site: opening hours, chairs, clinicians and closures. Each change is one save of the
 * site with its site-updated event; a concurrent change fails on the version and is answered 409.
 */
@Service
public class ChangeSite {

    private final SiteRepository sites;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChangeSite(SiteRepository sites, IdGenerator ids, Clock clock, ApplicationEventPublisher events) {
        this.sites = sites;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Site changeOpeningHours(String siteId, List<OpeningHours> hours) {
        return change(siteId, (site, now) -> site.changeOpeningHours(hours, ids.eventId(), now));
    }

    public Site changeClinicians(String siteId, List<Clinician> clinicians) {
        return change(siteId, (site, now) -> site.changeClinicians(clinicians, ids.eventId(), now));
    }

    public Site addChair(String siteId, Chair chair) {
        return change(siteId, (site, now) -> site.addChair(chair, ids.eventId(), now));
    }

    public Site setChairInService(String siteId, String chairId, boolean inService) {
        return change(siteId, (site, now) -> site.setChairInService(chairId, inService, ids.eventId(), now));
    }

    public Site addClosure(String siteId, Closure closure) {
        return change(siteId, (site, now) -> site.addClosure(closure, ids.eventId(), now));
    }

    public Site removeClosure(String siteId, String date) {
        return change(siteId, (site, now) -> site.removeClosure(date, ids.eventId(), now));
    }

    private Site change(String siteId, Change change) {
        Site site = sites.findById(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
        change.apply(site, clock.instant());
        // a change that lost a race (optimistic lock) is platform-support's 409 CONCURRENT_UPDATE
        Site saved = sites.save(site);
        events.publishEvent(new SiteCapacityChanged(siteId));
        return saved;
    }

    @FunctionalInterface
    private interface Change {
        void apply(Site site, Instant now);
    }
}
