package org.clinicops.scheduling.sites.application;

import java.time.Clock;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Registers a site; its first site-updated leaves with it. */
@Service
public class RegisterSite {

    private final SiteRepository sites;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegisterSite(SiteRepository sites, IdGenerator ids, Clock clock, ApplicationEventPublisher events) {
        this.sites = sites;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Site handle(RegisterSiteCommand command) {
        Site site = Site.register(
                command.id(),
                command.name(),
                command.timeZone(),
                command.currency(),
                command.chairs(),
                command.clinicians(),
                command.openingHours(),
                ids.eventId(),
                clock.instant());
        try {
            Site saved = sites.insert(site);
            events.publishEvent(new SiteCapacityChanged(saved.id()));
            return saved;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("SITE_EXISTS", "site " + command.id() + " already exists");
        }
    }
}
