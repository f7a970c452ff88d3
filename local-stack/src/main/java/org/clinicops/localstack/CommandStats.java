package org.clinicops.localstack;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store's time goes, by command and collection: with {@code -Dclinic.store.stats=10s} the
 * store logs, every 10 seconds, the commands that took the most time in that window (count, total
 * and mean milliseconds). Off by default; a profiling aid, names only databases and collections.
 */
final class CommandStats {

    private static final Logger log = LoggerFactory.getLogger(CommandStats.class);

    private final Map<String, long[]> window = new ConcurrentHashMap<>();

    private CommandStats() {}

    /** The stats the system property asks for, or none. */
    static @Nullable CommandStats fromSystemProperty() {
        String every = System.getProperty("clinic.store.stats");
        if (every == null || every.isBlank()) {
            return null;
        }
        CommandStats stats = new CommandStats();
        Duration period = Duration.parse("PT" + every.trim().toUpperCase(Locale.ROOT));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-stats");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(stats::report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return stats;
    }

    void record(String database, String command, Object collection, long nanos) {
        long[] totals = window.computeIfAbsent(database + " " + command + " " + collection, key -> new long[2]);
        synchronized (totals) {
            totals[0]++;
            totals[1] += nanos;
        }
    }

    private void report() {
        StringBuilder lines = new StringBuilder("store time by command (last window):");
        window.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1])
                        .reversed())
                .limit(25)
                .forEach(e -> lines.append(String.format(
                        "%n  %8d ms %7d x %8.2f ms  %s",
                        e.getValue()[1] / 1_000_000,
                        e.getValue()[0],
                        e.getValue()[1] / 1e6 / e.getValue()[0],
                        e.getKey())));
        window.clear();
        log.info("{}", lines);
    }
}
