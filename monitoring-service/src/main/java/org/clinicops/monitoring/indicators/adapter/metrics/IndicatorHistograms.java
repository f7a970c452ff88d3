package org.clinicops.monitoring.indicators.adapter.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.clinicops.monitoring.indicators.application.IndicatorSnapshots;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.clinicops.monitoring.indicators.domain.SiteIndicators;
import org.clinicops.monitoring.indicators.domain.Window;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Exports the duration and money distributions as real Prometheus histograms. Micrometer's
 * histograms only accumulate observations in memory; these are rebuilt from the stored facts at
 * every scrape, so they survive restarts and replays.
 */
@Component
class IndicatorHistograms implements MultiCollector {

    static final double[] DAY_BUCKETS = {1, 2, 3, 5, 7, 14, 21, 28, 42, 56, 90, 180, Double.POSITIVE_INFINITY};
    static final double[] DOLLAR_BUCKETS = {
        0, 50, 100, 200, 300, 400, 500, 600, 800, 1000, 1500, 2000, 3000, 5000, 10000, Double.POSITIVE_INFINITY
    };

    private final IndicatorSnapshots snapshots;
    private final String application;

    IndicatorHistograms(
            IndicatorSnapshots snapshots,
            ObjectProvider<PrometheusRegistry> registry,
            @Value("${spring.application.name}") String application) {
        this.snapshots = snapshots;
        this.application = application;
        registry.ifAvailable(r -> r.register(this));
    }

    @Override
    public MetricSnapshots collect() {
        Indicators indicators = snapshots.current();
        return MetricSnapshots.of(
                histogram(
                        "clinic_request_to_consultation_days",
                        "Days from consultation request to consultation",
                        indicators,
                        DAY_BUCKETS,
                        s -> s.access(Window.ALL_TIME).requestToConsultationDays()),
                histogram(
                        "clinic_request_to_first_infusion_days",
                        "Days from consultation request to first infusion",
                        indicators,
                        DAY_BUCKETS,
                        s -> s.access(Window.ALL_TIME).requestToFirstInfusionDays()),
                histogram(
                        "clinic_out_of_pocket_per_session_dollars",
                        "Patient responsibility of each session invoice",
                        indicators,
                        DOLLAR_BUCKETS,
                        s -> dollars(s.affordability(Window.ALL_TIME).outOfPocketPerSession())),
                histogram(
                        "clinic_out_of_pocket_per_course_dollars",
                        "Patient responsibility of the session invoices of each completed course",
                        indicators,
                        DOLLAR_BUCKETS,
                        s -> dollars(s.affordability(Window.ALL_TIME).outOfPocketPerCourse())));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(
                "clinic_request_to_consultation_days",
                "clinic_request_to_first_infusion_days",
                "clinic_out_of_pocket_per_session_dollars",
                "clinic_out_of_pocket_per_course_dollars");
    }

    private HistogramSnapshot histogram(
            String name,
            String help,
            Indicators indicators,
            double[] bounds,
            Function<SiteIndicators, List<Double>> observations) {
        HistogramSnapshot.Builder builder =
                HistogramSnapshot.builder().name(name).help(help);
        for (SiteIndicators site : indicators.sites().values()) {
            List<Double> values = observations.apply(site);
            long[] counts = new long[bounds.length];
            double sum = 0;
            for (double value : values) {
                sum += value;
                for (int i = 0; i < bounds.length; i++) {
                    if (value <= bounds[i]) {
                        counts[i]++;
                        break;
                    }
                }
            }
            builder.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                    .sum(sum)
                    .labels(Labels.of("application", application, "site", site.siteId()))
                    .build());
        }
        return builder.build();
    }

    private static List<Double> dollars(List<BigDecimal> amounts) {
        return amounts.stream().map(BigDecimal::doubleValue).toList();
    }
}
