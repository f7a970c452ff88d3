package org.clinicops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        OpenLoad.Step step = new OpenLoad(1_000).run(100, Duration.ofMillis(300), Duration.ofSeconds(5), i -> {
            if (i == 0) {
                sleep(200); // the caller stalls: the calls meant to start meanwhile start late
            }
            return CompletableFuture.completedFuture(true);
        });

        assertThat(step.p(50))
                .as("latency counted from each call's intended start")
                .isGreaterThan(50);
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
