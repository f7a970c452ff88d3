package org.clinicops.scheduling.booking.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.events.SessionStopped;
import org.clinicops.scheduling.booking.application.MeasureCapacity;
import org.clinicops.scheduling.booking.application.SchedulingMetrics;
import org.clinicops.scheduling.booking.domain.DischargeCheck;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-site scheduling metrics in Micrometer: the use cases' counters, and gauges of chair
 * utilization (today and the next 7 days), waiting entries and days until a new infusion series
 * could start, recomputed periodically from the database ({@link MeasureCapacity}). Labels are site
 * ids and fixed window, check and reason names only.
 */
@Component
public class MicrometerSchedulingMetrics implements SchedulingMetrics {

    private final MeterRegistry meters;
    private final MeasureCapacity capacity;
    private final MultiGauge utilization;
    private final MultiGauge waiting;
    private final MultiGauge daysUntilSeries;

    public MicrometerSchedulingMetrics(MeterRegistry meters, MeasureCapacity capacity) {
        this.meters = meters;
        this.capacity = capacity;
        this.utilization = MultiGauge.builder("clinic.scheduling.chair.utilization")
                .description("Booked over available chair-minutes, per site and window (today, next_7_days)")
                .baseUnit("ratio")
                .register(meters);
        this.waiting = MultiGauge.builder("clinic.scheduling.waiting.entries")
                .description("Consultation requests and infusion series waiting for capacity, per site")
                .register(meters);
        this.daysUntilSeries = MultiGauge.builder("clinic.scheduling.next.series.days")
                .description(
                        "Days until a new standard infusion series could start, per site (-1: none in the horizon)")
                .register(meters);
    }

    @Override
    public void noShow(String siteId) {
        Counter.builder("clinic.scheduling.no.shows.recorded")
                .description("Sessions the patient missed")
                .tag("site", siteId)
                .register(meters)
                .increment();
    }

    @Override
    public void lateCancellation(String siteId) {
        Counter.builder("clinic.scheduling.late.cancellations.recorded")
                .description("Cancellations under the late-cancellation window before the start")
                .tag("site", siteId)
                .register(meters)
                .increment();
    }

    @Override
    public void dischargeRefused(String siteId, List<DischargeCheck> checks) {
        countPerCheck(
                "clinic.scheduling.discharge.refusals",
                "Infusion completions refused by a discharge check, per failed check",
                siteId,
                checks);
    }

    @Override
    public void dischargeOverridden(String siteId, List<DischargeCheck> checks) {
        countPerCheck(
                "clinic.scheduling.discharge.overrides",
                "Failed discharge checks a clinician or admin overrode, per check",
                siteId,
                checks);
    }

    /** One count per failed check, labelled with the site and the check. */
    private void countPerCheck(String name, String description, String siteId, List<DischargeCheck> checks) {
        for (DischargeCheck check : checks) {
            Counter.builder(name)
                    .description(description)
                    .tag("site", siteId)
                    .tag("check", check.name())
                    .register(meters)
                    .increment();
        }
    }

    @Override
    public void sessionStopped(String siteId, SessionStopped.Reason reason) {
        Counter.builder("clinic.scheduling.sessions.stopped")
                .description("Infusions stopped before their planned end, per reason")
                .tag("site", siteId)
                .tag("reason", reason.name())
                .register(meters)
                .increment();
    }

    /** Measures every site's capacity again and replaces the gauges' rows. */
    @Scheduled(
            fixedDelayString = "${clinic.scheduling.metrics-refresh-interval:30s}",
            initialDelayString = "${clinic.scheduling.metrics-refresh-interval:30s}")
    public void refresh() {
        MeasureCapacity.Measurement measured = capacity.handle();
        List<MultiGauge.Row<?>> utilizationRows = new ArrayList<>();
        List<MultiGauge.Row<?>> seriesRows = new ArrayList<>();
        for (MeasureCapacity.SiteCapacity site : measured.sites()) {
            utilizationRows.add(
                    MultiGauge.Row.of(Tags.of("site", site.siteId(), "window", "today"), site.utilizationToday()));
            utilizationRows.add(MultiGauge.Row.of(
                    Tags.of("site", site.siteId(), "window", "next_7_days"), site.utilizationNext7Days()));
            seriesRows.add(MultiGauge.Row.of(Tags.of("site", site.siteId()), site.daysUntilNextSeries()));
        }
        utilization.register(utilizationRows, true);
        daysUntilSeries.register(seriesRows, true);
        waiting.register(
                measured.waitingBySite().entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("site", e.getKey()), e.getValue()))
                        .toList(),
                true);
    }
}
