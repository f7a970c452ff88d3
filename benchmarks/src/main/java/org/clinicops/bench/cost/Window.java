package org.clinicops.bench.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the platform spent between two {@link Snapshot}s: the seconds between them, the CPU seconds of
 * each process and the MongoDB commands of each service.
 */
record Window(double seconds, Map<String, Double> cpuSeconds, Map<String, CommandCounts> commands) {

    Window {
        cpuSeconds = Map.copyOf(cpuSeconds);
        commands = Map.copyOf(commands);
    }

    /** The CPU seconds of every process and the command counts of every service at one moment. */
    record Snapshot(long nanos, Map<String, Double> cpuSeconds, Map<String, CommandCounts> commands) {

        Snapshot {
            cpuSeconds = Map.copyOf(cpuSeconds);
            commands = Map.copyOf(commands);
        }

        /**
         * From {@code earlier} to this one; a process seen only once (started or gone in between) is
         * left out, a service scraped only once counts no commands.
         */
        Window since(Snapshot earlier) {
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpuSeconds.forEach((name, seconds) -> {
                Double before = earlier.cpuSeconds.get(name);
                if (before != null && seconds >= before) {
                    cpu.put(name, seconds - before);
                }
            });
            Map<String, CommandCounts> sent = new LinkedHashMap<>();
            commands.forEach((service, counts) -> {
                CommandCounts before = earlier.commands.get(service);
                if (before != null) {
                    sent.put(service, counts.minus(before));
                }
            });
            return new Window((nanos - earlier.nanos) / 1e9, cpu, sent);
        }
    }
}
