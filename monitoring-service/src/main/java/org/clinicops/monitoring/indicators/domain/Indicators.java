package org.clinicops.monitoring.indicators.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The indicators of every known site, computed at {@code computedAt}. */
public record Indicators(Instant computedAt, Map<String, SiteIndicators> sites) {

    public static Indicators empty(Instant at) {
        return new Indicators(at, Map.of());
    }

    public Set<String> siteIds() {
        return sites.keySet();
    }

    public Optional<SiteIndicators> site(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }
}
