package org.clinicops.monitoring.indicators.application;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.clinicops.monitoring.indicators.domain.IndicatorCalculator;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Holds the latest indicator snapshot, recomputed from the fact log when facts were added (and
 * periodically, since time-based indicators move with the clock). Readers (the metrics) never
 * touch the database.
 */
@Service
public class IndicatorSnapshots {

    private final FactLog facts;
    private final IndicatorCalculator calculator;
    private final Clock clock;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private final List<Consumer<Indicators>> listeners = new CopyOnWriteArrayList<>();
    private volatile Indicators current;
    private volatile long refreshes;

    IndicatorSnapshots(FactLog facts, IndicatorCalculator calculator, Clock clock) {
        this.facts = facts;
        this.calculator = calculator;
        this.clock = clock;
        this.current = Indicators.empty(clock.instant());
    }

    public Indicators current() {
        return current;
    }

    public void markStale() {
        stale.set(true);
    }

    /** Called with every new snapshot (e.g. to register the series of a new site). */
    public void onRefresh(Consumer<Indicators> listener) {
        listeners.add(listener);
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.indicators.refresh-interval:2s}", initialDelayString = "0s")
    void refreshIfStale() {
        refreshes++;
        // recompute anyway every 30 refreshes: waiting times grow while nothing happens
        if (stale.getAndSet(false) || refreshes % 30 == 0) {
            refresh();
        }
    }

    /** Recomputes the snapshot from every fact now. */
    public synchronized Indicators refresh() {
        Indicators next = calculator.compute(facts.all(), clock.instant());
        current = next;
        listeners.forEach(l -> l.accept(next));
        return next;
    }
}
