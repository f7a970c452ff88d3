package org.clinicops.monitoring.indicators.application;

import java.time.ZoneId;
import org.springframework.stereotype.Service;

/** The time zone of a site, as the latest site-updated says (UTC while the site is unknown). */
@Service
public class SiteTimeZones {

    private final IndicatorSnapshots snapshots;

    SiteTimeZones(IndicatorSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    public ZoneId zoneOf(String siteId) {
        return snapshots.zoneOf(siteId);
    }
}
