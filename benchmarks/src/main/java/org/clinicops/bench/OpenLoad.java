package org.clinicops.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: calls start at a constant arrival rate whether or not earlier ones finished,
 * as independent clients would arrive. Each call's latency runs from its intended start, so a stall
 * is charged to every call it delayed (no coordinated omission). Calls still in flight beyond
 * {@code maxInFlight} are not started and count as errors.
 */
public final class OpenLoad {

    /** One call: {@code i} is its number; the future completes true when the call succeeded. */
    public interface Call extends LongFunction<CompletableFuture<Boolean>> {}

    /** What one step measured. */
    public record Step(
            double offeredPerSecond,
            double achievedPerSecond,
            long started,
            long succeeded,
            long failed,
            long dropped,
            Histogram latencies) {

        public long errors() {
            return failed + dropped;
        }

        public double p(double percentile) {
            return Latencies.millis(latencies, percentile);
        }
    }

    /**
     * Where the load reads elapsed time and waits for a call's intended start: the system's monotonic
     * clock, or a test's, which moves only when told.
     */
    interface Ticker {

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkNanos(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };

        long nanoTime();

        void parkNanos(long nanos);
    }

    private final int maxInFlight;
    private final Ticker ticker;

    public OpenLoad(int maxInFlight) {
        this(maxInFlight, Ticker.SYSTEM);
    }

    OpenLoad(int maxInFlight, Ticker ticker) {
        this.maxInFlight = maxInFlight;
        this.ticker = ticker;
    }

    /**
     * Offers {@code rate} calls per second for {@code duration}, then waits up to {@code drain} for
     * the calls in flight.
     */
    public Step run(double rate, Duration duration, Duration drain, Call call) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        long dropped = 0;
        long interval = (long) (1_000_000_000L / rate);
        long count = (long) (rate * duration.toNanos() / 1e9);
        long start = ticker.nanoTime();
        long lastCompletion = start;
        AtomicLong last = new AtomicLong(start);
        for (long i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait = intended - ticker.nanoTime();
            if (wait > 0) {
                ticker.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                dropped++;
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<Boolean> future;
            try {
                future = call.apply(i);
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                failed.incrementAndGet();
                continue;
            }
            future.whenComplete((ok, error) -> {
                long now = ticker.nanoTime();
                latencies.recordNanos(now - intended);
                if (error == null && Boolean.TRUE.equals(ok)) {
                    succeeded.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                last.accumulateAndGet(now, Math::max);
                inFlight.decrementAndGet();
            });
        }
        long drainUntil = ticker.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && ticker.nanoTime() < drainUntil) {
            ticker.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while draining the calls in flight");
            }
        }
        lastCompletion = Math.max(last.get(), start + duration.toNanos());
        long unfinished = inFlight.get();
        double seconds = (lastCompletion - start) / 1e9;
        return new Step(
                rate,
                succeeded.get() / seconds,
                count - dropped,
                succeeded.get(),
                failed.get() + unfinished,
                dropped,
                latencies.histogram());
    }

    /** Waits for a latch with a deadline (a helper for scenarios that wait on consumers). */
    public static boolean await(CountDownLatch latch, Duration timeout) throws InterruptedException {
        return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
