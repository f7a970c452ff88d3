package org.clinicops.monitoring.indicators.domain;

import java.util.List;

/**
 * Every indicator of one site at one moment, by family: each family has its own calculator
 * ({@code ThroughputCalculator}, {@code BacklogCalculator}, {@code AccessCalculator}, {@code
 * AffordabilityCalculator}, {@code SafetyCalculator}, {@code OutcomeCalculator}).
 */
public record SiteIndicators(
        String siteId,
        Throughput throughput,
        Backlog backlog,
        Access access,
        Affordability affordability,
        Safety safety,
        Outcomes outcomes) {

    /** The p-th percentile (0-100) by nearest rank, 0 when there is no observation. */
    public static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
