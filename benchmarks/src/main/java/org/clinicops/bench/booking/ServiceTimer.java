package org.clinicops.bench.booking;

import java.util.Map;
import java.util.TreeMap;

/**
 * The service's own {@code clinic_booking_series_seconds} histogram (outcome BOOKED) read from a
 * Prometheus text scrape; the difference of two scrapes gives count, mean and bucket-resolution
 * percentiles of the bookings in between.
 */
record ServiceTimer(double count, double sum, TreeMap<Double, Double> buckets) {

    private static final String NAME = "clinic_booking_series_seconds";

    static ServiceTimer parse(String scrape) {
        double count = 0;
        double sum = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(NAME) || !line.contains("outcome=\"BOOKED\"")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            double value = Double.parseDouble(line.substring(space + 1).trim());
            if (line.startsWith(NAME + "_count")) {
                count = value;
            } else if (line.startsWith(NAME + "_sum")) {
                sum = value;
            } else if (line.startsWith(NAME + "_bucket")) {
                int le = line.indexOf("le=\"");
                String bound = line.substring(le + 4, line.indexOf('"', le + 4));
                buckets.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), value);
            }
        }
        return new ServiceTimer(count, sum, buckets);
    }

    ServiceTimer minus(ServiceTimer earlier) {
        TreeMap<Double, Double> diff = new TreeMap<>();
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            diff.put(e.getKey(), e.getValue() - earlier.buckets.getOrDefault(e.getKey(), 0.0));
        }
        return new ServiceTimer(count - earlier.count, sum - earlier.sum, diff);
    }

    double meanMillis() {
        return count == 0 ? 0 : sum / count * 1_000;
    }

    /** The upper bound (ms) of the first bucket holding the given share of the bookings. */
    double percentileMillis(double percentile) {
        if (count <= 0) {
            return 0;
        }
        double wanted = count * percentile / 100.0;
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            if (e.getValue() >= wanted) {
                return e.getKey() * 1_000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
