package org.clinicops.monitoring.vitals.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicops.monitoring.indicators.application.IndicatorSnapshots;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code clinic_vitals_alerts_open{site}}: alerts raised and not closed yet (acknowledged ones
 * included), and {@code clinic_vitals_alerts_oldest_open_age_seconds{site}}, read from the session vitals every few seconds. A series exists at zero for every
 * known site.
 */
@Component
class OpenAlertsGauge {

    private final MeterRegistry registry;
    private final AlertQueries queries;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private volatile Map<String, AlertQueries.ActiveAlerts> openBySite = Map.of();

    OpenAlertsGauge(MeterRegistry registry, AlertQueries queries, IndicatorSnapshots snapshots, Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.clock = clock;
        snapshots.onRefresh(indicators -> indicators.siteIds().forEach(this::register));
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.indicators.refresh-interval:2s}", initialDelayString = "0s")
    void refresh() {
        Map<String, AlertQueries.ActiveAlerts> next = queries.activeAlertsSummary();
        next.keySet().forEach(this::register);
        openBySite = next;
    }

    private void register(String site) {
        if (registered.add(site)) {
            Gauge.builder("clinic.vitals.alerts.open", this, g -> {
                        AlertQueries.ActiveAlerts active = g.openBySite.get(site);
                        return active == null ? 0 : active.count();
                    })
                    .description("Vitals alerts not closed yet")
                    .tag("site", site)
                    .register(registry);
            Gauge.builder("clinic.vitals.alerts.oldest.open.age.seconds", this, g -> {
                        AlertQueries.ActiveAlerts active = g.openBySite.get(site);
                        return active == null
                                ? 0
                                : Math.max(
                                        0,
                                        Duration.between(active.oldestRaisedAt(), g.clock.instant())
                                                .toSeconds());
                    })
                    .description("Age of the oldest vitals alert not closed yet (0 when none)")
                    .tag("site", site)
                    .register(registry);
        }
    }
}
