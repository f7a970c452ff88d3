package org.clinicops.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottledRefreshTest {

    @Test
    void readsEveryFigureOnceWhileTheyAreFresh() {
        AtomicInteger accounts = new AtomicInteger();
        AtomicInteger invoices = new AtomicInteger();
        ThrottledRefresh refresh = new ThrottledRefresh(Duration.ofHours(1));
        refresh.add(accounts::incrementAndGet);
        refresh.add(invoices::incrementAndGet);

        refresh.refreshIfStale();
        refresh.refreshIfStale();

        assertThat(accounts).hasValue(1);
        assertThat(invoices).hasValue(1);
    }

    @Test
    void readsAgainOnceTheIntervalHasPassed() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ThrottledRefresh refresh = new ThrottledRefresh(Duration.ofNanos(1));
        refresh.add(reads::incrementAndGet);

        refresh.refreshIfStale();
        long readAt = System.nanoTime();
        while (System.nanoTime() - readAt < 1_000) {
            Thread.onSpinWait();
        }
        refresh.refreshIfStale();

        assertThat(reads).hasValue(2);
    }
}
