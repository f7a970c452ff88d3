package org.clinicops.monitoring.indicators.application;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a stored projection of an older format (written before this version's indicators) from
 * the topics, on start and then every minute until it succeeds. Until then the figures come from
 * the fact log alone: an old copy is never misread. The rebuild runs on its own thread, so the
 * scheduled refreshes of the metrics go on meanwhile.
 */
@Component
class ProjectionFormatUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFormatUpgrade.class);

    private final RebuildProjections rebuild;
    private final ProjectionStore store;
    private final AtomicBoolean running = new AtomicBoolean();

    ProjectionFormatUpgrade(RebuildProjections rebuild, ProjectionStore store) {
        this.rebuild = rebuild;
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.indicators.format-check-interval:1m}", initialDelayString = "0s")
    void rebuildIfOutdated() {
        if (!store.outdated() || !running.compareAndSet(false, true)) {
            return;
        }
        Thread upgrade = new Thread(
                () -> {
                    try {
                        rebuild.handleIfOutdated()
                                .ifPresent(r -> log.info(
                                        "rebuilt the indicator projection of an older format from {} events",
                                        r.eventsRead()));
                    } catch (RuntimeException e) {
                        log.warn("rebuilding the indicator projection of an older format failed; trying again", e);
                    } finally {
                        running.set(false);
                    }
                },
                "monitoring-projection-upgrade");
        upgrade.setDaemon(true);
        upgrade.start();
    }
}
