package org.clinicops.bench.cost;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.bench.Series;

/**
 * The MongoDB commands a service's driver has sent, by command and collection: Micrometer's command
 * listener ({@code mongodb_driver_commands_seconds_count}, which Spring Boot registers on the
 * driver), summed over the other labels (status, cluster, server).
 */
record CommandCounts(Map<Key, Double> counts) {

    static final String METRIC = "mongodb_driver_commands_seconds_count";

    /** A command on a collection, e.g. {@code update} on {@code consultation_requests}. */
    record Key(String command, String collection) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::command)
                    .thenComparing(Key::collection)
                    .compare(this, other);
        }
    }

    CommandCounts {
        counts = Map.copyOf(counts);
    }

    static CommandCounts none() {
        return new CommandCounts(Map.of());
    }

    /** The counters of a Prometheus text scrape; none when the service does not export them. */
    static CommandCounts parse(String scrape) {
        Map<Key, Double> counts = new HashMap<>();
        Series.parse(scrape, METRIC::equals).forEach((series, value) -> {
            String collection = Series.label(series, "collection");
            Key key = new Key(Series.label(series, "command"), collection.isEmpty() ? "-" : collection);
            counts.merge(key, value, Double::sum);
        });
        return new CommandCounts(counts);
    }

    /** What was sent since {@code earlier} (a counter that restarted counts from zero). */
    CommandCounts minus(CommandCounts earlier) {
        Map<Key, Double> diff = new HashMap<>();
        counts.forEach((key, value) -> {
            double before = earlier.counts.getOrDefault(key, 0.0);
            double sent = value >= before ? value - before : value;
            if (sent > 0) {
                diff.put(key, sent);
            }
        });
        return new CommandCounts(diff);
    }

    double total() {
        return counts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The pairs with the most commands first (then by command and collection). */
    List<Map.Entry<Key, Double>> largest() {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Key, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
