package org.clinicops.platform.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figures read from a database for gauges, refreshed together at most once per interval when one
 * of their gauges is read (scraped): however often Prometheus scrapes, the database is read once per
 * interval, by one of the readers, and a gauge that exists at all times refreshes those that appear
 * with the figures. The interval is elapsed time ({@link System#nanoTime()}), so a clock that is set
 * back or forward never leaves the figures stale. Stale from the start.
 */
public final class ThrottledRefresh {

    private final long intervalNanos;
    private final List<Runnable> readers = new CopyOnWriteArrayList<>();
    /** When the figures were last read ({@link System#nanoTime()}). */
    private final AtomicLong refreshedAtNanos;

    public ThrottledRefresh(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.refreshedAtNanos = new AtomicLong(System.nanoTime() - intervalNanos - 1);
    }

    /** Adds what reads a set of figures; it runs on every refresh. */
    public void add(Runnable reader) {
        readers.add(reader);
    }

    /** Refreshes when the figures are older than the interval and no other reader is refreshing them. */
    public void refreshIfStale() {
        long now = System.nanoTime();
        long last = refreshedAtNanos.get();
        if (now - last > intervalNanos && refreshedAtNanos.compareAndSet(last, now)) {
            readers.forEach(Runnable::run);
        }
    }
}
