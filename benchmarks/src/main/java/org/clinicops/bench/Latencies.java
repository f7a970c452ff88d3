package org.clinicops.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from any thread into an HdrHistogram (1 µs to 10 min, 3 significant digits),
 * read as milliseconds.
 */
public final class Latencies {

    private static final long MAX = TimeUnit.MINUTES.toNanos(10);

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
    private Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(MAX, nanos) / 1_000));
    }

    /** Everything recorded so far (folds what was recorded since the last call into the total). */
    public synchronized Histogram histogram() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    public synchronized void reset() {
        recorder.reset();
        total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /** The percentile in milliseconds, e.g. {@code millis(h, 99.9)}. */
    public static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
