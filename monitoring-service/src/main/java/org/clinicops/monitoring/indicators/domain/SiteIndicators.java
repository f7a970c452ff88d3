package org.clinicops.monitoring.indicators.domain;

import java.util.List;
import java.util.Map;

/**
 * Every indicator of one site at one moment, by family, each from its own calculator ({@code
 * ThroughputCalculator}, {@code BacklogCalculator}, {@code AccessCalculator}, {@code
 * AffordabilityCalculator}, {@code SafetyCalculator}, {@code OutcomeCalculator}). Throughput counts
 * everything since the first event (Prometheus windows counters); the backlog is the state now;
 * access, affordability, safety and outcomes are given for every {@link Window}.
 */
public record SiteIndicators(
        String siteId,
        Throughput throughput,
        Backlog backlog,
        Map<Window, Access> access,
        Map<Window, Affordability> affordability,
        Map<Window, Safety> safety,
        Map<Window, Outcomes> outcomes) {

    public Access access(Window window) {
        return access.get(window);
    }

    public Affordability affordability(Window window) {
        return affordability.get(window);
    }

    public Safety safety(Window window) {
        return safety.get(window);
    }

    public Outcomes outcomes(Window window) {
        return outcomes.get(window);
    }

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
