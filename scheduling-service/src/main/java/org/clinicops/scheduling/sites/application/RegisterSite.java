package org.clinicops.scheduling.sites.application;

import java.time.Clock;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Registers a site; its first site-updated leaves with it. */
@Service
public class RegisterSite {

    private final MongoTemplate mongo;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegisterSite(MongoTemplate mongo, IdGenerator ids, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
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
            Site saved = mongo.insert(site);
            events.publishEvent(new SiteCapacityChanged(saved.id()));
            return saved;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("SITE_EXISTS", "site " + command.id() + " already exists");
        }
    }
}
