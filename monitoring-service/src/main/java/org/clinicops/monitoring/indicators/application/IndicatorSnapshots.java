package org.clinicops.monitoring.indicators.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.clinicops.monitoring.indicators.domain.IndicatorCalculator;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Holds the latest indicator snapshot. The facts are read from the fact log once, then kept in
 * memory as this instance records new ones; the snapshot is recomputed when facts were added. Every
 * minute or so the facts are read again from the log, which also picks up what other replicas
 * recorded and lets time-based indicators (waiting past a target) move while nothing happens.
 * Readers (the metrics) never touch the database.
 */
@Service
public class IndicatorSnapshots {

    private static final int RELOAD_EVERY = 30;

    private final FactLog facts;
    private final IndicatorCalculator calculator;
    private final Clock clock;
    private final List<Consumer<Indicators>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable List<RecordedEvent> known;
    private boolean stale = true;
    private long refreshes;
    private volatile Indicators current;

    IndicatorSnapshots(FactLog facts, IndicatorCalculator calculator, Clock clock) {
        this.facts = facts;
        this.calculator = calculator;
        this.clock = clock;
        this.current = Indicators.empty(clock.instant());
    }

    public Indicators current() {
        return current;
    }

    /** A fact this instance just recorded. */
    public synchronized void added(RecordedEvent fact) {
        if (known != null) {
            known.add(fact);
        }
        stale = true;
    }

    /** Called with every new snapshot (e.g. to register the series of a new site). */
    public void onRefresh(Consumer<Indicators> listener) {
        listeners.add(listener);
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.indicators.refresh-interval:2s}", initialDelayString = "0s")
    void refreshIfStale() {
        boolean reload;
        synchronized (this) {
            refreshes++;
            reload = refreshes % RELOAD_EVERY == 0;
            if (!reload && !stale) {
                return;
            }
        }
        if (reload) {
            reload();
        } else {
            refresh();
        }
    }

    /** Reads every fact from the log again, then recomputes. */
    public synchronized Indicators reload() {
        known = new ArrayList<>(facts.all());
        return refresh();
    }

    /** Recomputes the snapshot from the known facts now. */
    public synchronized Indicators refresh() {
        if (known == null) {
            known = new ArrayList<>(facts.all());
        }
        stale = false;
        Indicators next = calculator.compute(List.copyOf(known), clock.instant());
        current = next;
        listeners.forEach(l -> l.accept(next));
        return next;
    }
}
