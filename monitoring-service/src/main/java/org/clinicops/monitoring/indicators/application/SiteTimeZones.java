package org.clinicops.monitoring.indicators.application;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import org.clinicops.events.SiteUpdated;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.springframework.stereotype.Service;

/** The time zone of a site, as the latest site-updated says (UTC while the site is unknown). */
@Service
public class SiteTimeZones {

    private final FactLog facts;

    SiteTimeZones(FactLog facts) {
        this.facts = facts;
    }

    public ZoneId zoneOf(String siteId) {
        return facts.siteUpdates(siteId).stream()
                .map(RecordedEvent::event)
                .filter(SiteUpdated.class::isInstance)
                .map(SiteUpdated.class::cast)
                .max(Comparator.comparing(SiteUpdated::updatedAt))
                .map(site -> {
                    try {
                        return ZoneId.of(site.timeZone());
                    } catch (DateTimeException unknown) {
                        return (ZoneId) ZoneOffset.UTC;
                    }
                })
                .orElse(ZoneOffset.UTC);
    }
}
