package org.clinicops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Series of a Prometheus text scrape ({@code /actuator/prometheus}), {@code name{labels}} to value. */
public final class Series {

    private Series() {}

    /** The series whose name passes the filter; comments and blank lines are skipped. */
    public static Map<String, Double> parse(String scrape, Predicate<String> name) {
        Map<String, Double> series = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int close = line.indexOf('{') < 0 ? -1 : line.lastIndexOf('}');
            int split = close >= 0 ? close + 1 : line.indexOf(' ');
            if (split <= 0 || split >= line.length()) {
                continue;
            }
            String key = line.substring(0, split).strip();
            String[] rest = line.substring(split).strip().split("\\s+"); // value [timestamp]
            String value = rest[0];
            int cut = key.indexOf('{');
            String metric = cut < 0 ? key : key.substring(0, cut);
            if (!name.test(metric)) {
                continue;
            }
            try {
                series.put(key, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return series;
    }

    /** The value of a label in a series key, e.g. {@code site} in {@code x{site="bos"}}. */
    public static String label(String key, String label) {
        String marker = label + "=\"";
        int at = key.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int from = at + marker.length();
        int to = key.indexOf('"', from);
        return to < 0 ? "" : key.substring(from, to);
    }

    /** Each series whose value differs (or that only one side has): "key: before -> after". */
    public static List<String> differences(Map<String, Double> before, Map<String, Double> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            Double a = before.get(key);
            Double b = after.get(key);
            if (a == null || b == null || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
                differences.add(key + ": " + a + " -> " + b);
            }
        }
        return differences;
    }
}
