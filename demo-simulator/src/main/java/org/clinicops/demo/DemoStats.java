package org.clinicops.demo;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator did so far, printed as it runs. */
final class DemoStats {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long get(String what) {
        AtomicLong count = counts.get(what);
        return count == null ? 0 : count.get();
    }

    /** A change a service refused ({@link ClinicClient#refusalOf}). */
    void refused(String what) {
        refusals.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long refusals() {
        return refusals.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The refused changes, one per line, most frequent first; empty when none was refused. */
    String refusalSummary() {
        StringBuilder lines = new StringBuilder();
        refusals.entrySet().stream()
                .sorted(Map.Entry.<String, AtomicLong>comparingByValue((a, b) -> Long.compare(b.get(), a.get()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> lines.append(
                        String.format(Locale.ROOT, "%6d  %s%n", e.getValue().get(), e.getKey())));
        return lines.toString();
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
