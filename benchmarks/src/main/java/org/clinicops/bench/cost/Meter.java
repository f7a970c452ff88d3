package org.clinicops.bench.cost;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Settling;

/**
 * Takes the {@link Window.Snapshot}s around a measured window, and waits for the window's work to
 * finish without adding much work of its own: the store is not scanned and the broker is asked about
 * the consumer groups only once every awaited outcome was seen (or none came for a while).
 */
final class Meter {

    /** How long the outcomes may stand still before the platform is asked whether it is idle. */
    private static final Duration STILL = Duration.ofSeconds(10);

    private final Platform platform;
    private final PlatformProcesses processes;
    private final Settling settling;

    Meter(Platform platform, PlatformProcesses processes, Settling settling) {
        this.platform = platform;
        this.processes = processes;
        this.settling = settling;
    }

    /** At the start of a window: the scrapes first, so that their CPU is not the window's. */
    Window.Snapshot start() throws InterruptedException {
        Map<String, CommandCounts> commands = commands();
        return new Window.Snapshot(System.nanoTime(), processes.cpuSeconds(), commands);
    }

    /** At the end of a window: the CPU first, then the scrapes. */
    Window.Snapshot end() throws InterruptedException {
        long nanos = System.nanoTime();
        Map<String, Double> cpu = processes.cpuSeconds();
        return new Window.Snapshot(nanos, cpu, commands());
    }

    /** The command counters of every service that answers its scrape. */
    Map<String, CommandCounts> commands() throws InterruptedException {
        Map<String, CommandCounts> counts = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            try {
                HttpResponse<String> scrape = platform.getManagement(service, "/actuator/prometheus");
                if (scrape.statusCode() == 200) {
                    counts.put(service, CommandCounts.parse(scrape.body()));
                }
            } catch (IOException e) {
                // not scraped: the service has no command figure for this window
            }
        }
        return counts;
    }

    /**
     * Waits until every awaited outcome was seen and the services' consumer groups had consumed
     * everything for two looks a second apart with nothing published to their topics in between.
     * When the platform is idle and outcomes are still awaited, {@code otherwise} names the units
     * that finished another way (e.g. wait-listed). Gives up after {@code max}; true when done.
     */
    boolean awaitDone(Outcomes outcomes, Duration max, Supplier<Collection<String>> otherwise)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long lastChange = System.nanoTime();
        int lastWaiting = -1;
        Settling.Lag previous = null;
        while (System.nanoTime() < deadline) {
            int waiting = outcomes.waiting();
            if (waiting != lastWaiting) {
                lastWaiting = waiting;
                lastChange = System.nanoTime();
                previous = null;
            }
            if (waiting > 0 && System.nanoTime() - lastChange < STILL.toNanos()) {
                Thread.sleep(200); // paces the look at the outcomes the consumer thread collects
                continue;
            }
            Settling.Lag lag = settling.consumerLag();
            boolean idle = lag.total() == 0
                    && previous != null
                    && previous.total() == 0
                    && previous.endOffsets() == lag.endOffsets();
            if (idle) {
                if (outcomes.waiting() > 0) {
                    outcomes.finished(otherwise.get());
                }
                if (outcomes.waiting() == 0) {
                    return true;
                }
                // idle with outcomes missing: look again only after the outcomes stood still again
                lastWaiting = outcomes.waiting();
                lastChange = System.nanoTime();
                previous = null;
                continue;
            }
            previous = lag;
            Thread.sleep(1_000); // the second look, a second later
        }
        return false;
    }
}
