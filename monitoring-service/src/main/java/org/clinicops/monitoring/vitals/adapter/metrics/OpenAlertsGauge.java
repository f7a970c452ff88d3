package org.clinicops.monitoring.vitals.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicops.monitoring.indicators.application.IndicatorSnapshots;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code clinic_vitals_alerts_open{site}}: alerts raised and not closed yet (acknowledged ones
 * included), read from the session vitals every few seconds. A series exists at zero for every
 * known site.
 */
@Component
class OpenAlertsGauge {

    private final MeterRegistry registry;
    private final AlertQueries queries;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Long> openBySite = Map.of();

    OpenAlertsGauge(MeterRegistry registry, AlertQueries queries, IndicatorSnapshots snapshots) {
        this.registry = registry;
        this.queries = queries;
        snapshots.onRefresh(indicators -> indicators.siteIds().forEach(this::register));
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.indicators.refresh-interval:2s}", initialDelayString = "0s")
    void refresh() {
        Map<String, Long> next = queries.activeAlertsBySite();
        next.keySet().forEach(this::register);
        openBySite = next;
    }

    private void register(String site) {
        if (registered.add(site)) {
            Gauge.builder("clinic.vitals.alerts.open", this, g -> g.openBySite.getOrDefault(site, 0L))
                    .description("Vitals alerts not closed yet")
                    .tag("site", site)
                    .register(registry);
        }
    }
}
