package org.clinicops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    @Test
    void startsCallsAtTheOfferedRateWhetherOrNotEarlierOnesFinished() throws Exception {
        ScheduledExecutorService slow = Executors.newScheduledThreadPool(2);
        try {
            OpenLoad.Step step = new OpenLoad(1_000).run(200, Duration.ofMillis(500), Duration.ofSeconds(5), i -> {
                CompletableFuture<Boolean> done = new CompletableFuture<>();
                slow.schedule(() -> done.complete(true), 100, TimeUnit.MILLISECONDS);
                return done;
            });

            // a closed loop of one caller would manage 5 calls in 500 ms; the open model starts 100
            assertThat(step.started()).isEqualTo(100);
            assertThat(step.succeeded()).isEqualTo(100);
            assertThat(step.p(50)).isGreaterThanOrEqualTo(100);
        } finally {
            slow.shutdownNow();
        }
    }

    @Test
    void chargesAStallToEveryCallItDelayed() throws Exception {
        ManualTicker ticker = new ManualTicker();
        OpenLoad.Step step = new OpenLoad(1_000, ticker).run(100, Duration.ofMillis(300), Duration.ofSeconds(5), i -> {
            if (i == 0) {
                ticker.stall(Duration.ofMillis(200)); // the caller stalls: the calls due meanwhile start late
            }
            return CompletableFuture.completedFuture(true);
        });

        // 30 calls due every 10 ms; those due at 10..190 ms all start at 200 ms, so the median call
        // (due at 150 ms) is charged 50 ms; counted from the actual start every call but the first would take 0
        assertThat(step.started()).isEqualTo(30);
        assertThat(step.p(100)).as("the call that stalled").isCloseTo(200, within(0.5));
        assertThat(step.p(50))
                .as("latency counted from each call's intended start")
                .isCloseTo(50, within(0.1));
    }

    @Test
    void countsFailedAndDroppedCallsAsErrors() throws Exception {
        OpenLoad.Step step = new OpenLoad(5)
                .run(
                        200,
                        Duration.ofMillis(200),
                        Duration.ofMillis(100),
                        i -> i % 2 == 0
                                ? new CompletableFuture<>() // never completes: stays in flight
                                : CompletableFuture.completedFuture(false));

        assertThat(step.succeeded()).isZero();
        assertThat(step.dropped()).isPositive();
        assertThat(step.errors()).isEqualTo(step.failed() + step.dropped());
    }

    /** Time that moves only when the load waits for a call's start or a call stalls. */
    private static final class ManualTicker implements OpenLoad.Ticker {

        private final AtomicLong now = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void parkNanos(long nanos) {
            now.addAndGet(nanos);
        }

        void stall(Duration duration) {
            now.addAndGet(duration.toNanos());
        }
    }
}
