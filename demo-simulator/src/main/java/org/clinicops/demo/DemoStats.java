package org.clinicops.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator did so far, printed as it runs. */
final class DemoStats {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long get(String what) {
        AtomicLong count = counts.get(what);
        return count == null ? 0 : count.get();
    }

    String summary() {
        StringBuilder line = new StringBuilder();
        new TreeMap<>(counts)
                .forEach((what, n) -> line.append(line.isEmpty() ? "" : ", ")
                        .append(what)
                        .append(' ')
                        .append(n.get()));
        return line.isEmpty() ? "nothing yet" : line.toString();
    }
}
