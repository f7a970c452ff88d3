package org.clinicops.monitoring.indicators.application;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Holds the indicator projection and its latest snapshot. On first use the projection is the stored
 * copy of the last rebuild with the fact log folded in; afterwards each fact this instance records
 * is folded as it comes, and the snapshot is derived again when facts were added. Every minute or
 * so the snapshot is derived even without new facts (time-based indicators such as waiting past a
 * target move while nothing happens), and the fact log is folded again when it holds facts this
 * instance did not record (another replica's). Readers (the metrics) never touch the database.
 *
 * <p>While a rebuild runs, the live projection is let go (the snapshot stays) and recorded facts
 * are kept aside; the rebuilt projection takes them in before it replaces the live one.
 */
@Service
public class IndicatorSnapshots {

    private static final int RELOAD_EVERY = 30;

    private final FactLog facts;
    private final ProjectionStore store;
    private final IndicatorPolicy policy;
    private final Clock clock;
    private final List<Consumer<Indicators>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable IndicatorProjection projection;
    private @Nullable List<RecordedEvent> keptAside;
    private long logFacts;
    private boolean stale = true;
    private long refreshes;
    private volatile Indicators current;
    private volatile Map<String, ZoneId> zones = Map.of();

    IndicatorSnapshots(FactLog facts, ProjectionStore store, IndicatorPolicy policy, Clock clock) {
        this.facts = facts;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.current = Indicators.empty(clock.instant());
    }

    public Indicators current() {
        return current;
    }

    /** A site's time zone as the latest site-updated says (UTC while unknown). */
    public ZoneId zoneOf(String siteId) {
        IndicatorProjection live;
        synchronized (this) {
            live = projection;
            if (live != null) {
                return live.zoneOf(siteId);
            }
        }
        return zones.getOrDefault(siteId, ZoneOffset.UTC);
    }

    /** A fact this instance just recorded in the fact log. */
    public synchronized void added(RecordedEvent fact) {
        logFacts++;
        if (keptAside != null) {
            keptAside.add(fact);
        } else if (projection != null && projection.apply(fact)) {
            stale = true;
        }
    }

    /** Called with every new snapshot (e.g. to register the series of a new site). */
    public void onRefresh(Consumer<Indicators> listener) {
        listeners.add(listener);
    }

    @Scheduled(fixedDelayString = "${clinic.monitoring.indicators.refresh-interval:2s}", initialDelayString = "0s")
    void refreshIfStale() {
        synchronized (this) {
            refreshes++;
            boolean periodic = refreshes % RELOAD_EVERY == 0;
            if (keptAside != null || (!periodic && !stale && projection != null)) {
                return;
            }
            if (periodic && projection != null && facts.count() > logFacts) {
                foldLog(projection);
            }
        }
        refresh();
    }

    /** Reads the stored projection and the fact log again, then derives the snapshot. */
    public synchronized Indicators reload() {
        projection = null;
        return refresh();
    }

    /** Derives the snapshot from the projection now. */
    public synchronized Indicators refresh() {
        if (keptAside != null) {
            return current; // a rebuild runs: the last snapshot stands until it ends
        }
        IndicatorProjection live = projection;
        if (live == null) {
            live = store.load(policy).orElseGet(() -> new IndicatorProjection(policy));
            foldLog(live);
            projection = live;
        }
        stale = false;
        Indicators next = live.snapshot(clock.instant());
        current = next;
        zones = live.zones();
        listeners.forEach(l -> l.accept(next));
        return next;
    }

    private void foldLog(IndicatorProjection into) {
        List<RecordedEvent> logged = facts.all();
        logged.forEach(into::apply);
        logFacts = logged.size();
    }

    /** A rebuild starts: let the live projection go and keep recorded facts aside. */
    synchronized IndicatorProjection beginRebuild() {
        if (keptAside != null) {
            throw new IllegalStateException("a rebuild is running");
        }
        keptAside = new ArrayList<>();
        projection = null;
        return new IndicatorProjection(policy);
    }

    /** The rebuilt projection takes in the facts kept aside and becomes the live one. */
    synchronized Indicators finishRebuild(IndicatorProjection rebuilt) {
        List<RecordedEvent> aside = keptAside == null ? List.of() : keptAside;
        aside.forEach(rebuilt::apply);
        keptAside = null;
        projection = rebuilt;
        return refresh();
    }

    /** A rebuild failed: the projection is read again from the store and the fact log. */
    synchronized void abortRebuild() {
        keptAside = null;
        projection = null;
        refresh();
    }
}
