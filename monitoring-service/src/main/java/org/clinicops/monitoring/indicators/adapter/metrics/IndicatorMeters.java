package org.clinicops.monitoring.indicators.adapter.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.indicators.application.IndicatorSnapshots;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.clinicops.monitoring.indicators.domain.SiteIndicators;
import org.springframework.stereotype.Component;

/**
 * Exports the counters and gauges of the indicator snapshot. Every function reads the latest
 * snapshot, which is computed from the stored facts, so the values survive a restart. The series
 * of a site are registered, at zero, as soon as the site is known.
 */
@Component
class IndicatorMeters {

    private final MeterRegistry registry;
    private final IndicatorSnapshots snapshots;
    private final Set<String> registered = new HashSet<>();

    IndicatorMeters(MeterRegistry registry, IndicatorSnapshots snapshots) {
        this.registry = registry;
        this.snapshots = snapshots;
        snapshots.onRefresh(this::registerNewSites);
        registerNewSites(snapshots.current());
    }

    private synchronized void registerNewSites(Indicators indicators) {
        for (String site : indicators.siteIds()) {
            if (registered.add(site)) {
                register(site);
            }
        }
        for (Map.Entry<String, SiteIndicators> entry : indicators.sites().entrySet()) {
            for (Condition condition : entry.getValue()
                    .throughput()
                    .consultationRequestsByCondition()
                    .keySet()) {
                if (registered.add(entry.getKey() + "|" + condition)) {
                    counter(
                            "clinic.consultation.requests.by.condition",
                            "Consultation requests by condition",
                            entry.getKey(),
                            Tags.of("condition", condition.name()),
                            s -> s.throughput()
                                    .consultationRequestsByCondition()
                                    .getOrDefault(condition, 0L));
                }
            }
        }
    }

    private void register(String site) {
        // throughput
        counter(
                "clinic.consultation.requests",
                "Consultation requests",
                site,
                s -> s.throughput().consultationRequests());
        counter(
                "clinic.consultations.scheduled",
                "Consultations booked",
                site,
                s -> s.throughput().consultationsScheduled());
        counter(
                "clinic.consultations.completed",
                "Consultations attended",
                site,
                s -> s.throughput().consultationsCompleted());
        counter(
                "clinic.infusions.scheduled",
                "Infusion sessions booked",
                site,
                s -> s.throughput().infusionsScheduled());
        counter(
                "clinic.infusions.completed",
                "Infusion sessions completed",
                site,
                s -> s.throughput().infusionsCompleted());
        counter(
                "clinic.no.shows",
                "Sessions the patient missed",
                site,
                s -> s.throughput().noShows());
        counter(
                "clinic.cancellations",
                "Sessions cancelled",
                site,
                s -> s.throughput().cancellations());
        counter(
                "clinic.late.cancellations",
                "Sessions cancelled under 24 h",
                site,
                s -> s.throughput().lateCancellations());
        for (SessionStopped.Reason reason : SessionStopped.Reason.values()) {
            counter(
                    "clinic.sessions.stopped",
                    "Infusion sessions stopped before their planned end (not completed), by reason",
                    site,
                    Tags.of("reason", reason.name()),
                    s -> s.throughput().sessionsStopped().getOrDefault(reason, 0L));
        }
        // access
        gauge(
                "clinic.request.to.consultation.days.p50",
                "Median days from request to consultation",
                site,
                s -> SiteIndicators.percentile(s.access().requestToConsultationDays(), 50));
        gauge(
                "clinic.request.to.consultation.days.p90",
                "90th percentile of days from request to consultation",
                site,
                s -> SiteIndicators.percentile(s.access().requestToConsultationDays(), 90));
        gauge(
                "clinic.request.to.first.infusion.days.p50",
                "Median days from request to first infusion",
                site,
                s -> SiteIndicators.percentile(s.access().requestToFirstInfusionDays(), 50));
        gauge(
                "clinic.request.to.first.infusion.days.p90",
                "90th percentile of days from request to first infusion",
                site,
                s -> SiteIndicators.percentile(s.access().requestToFirstInfusionDays(), 90));
        gauge(
                "clinic.treatment.started.within.target.ratio",
                "Share of patients starting treatment within the target (42 days)",
                site,
                s -> s.access().startedWithinTarget().value());
        gauge(
                "clinic.waiting.list.patients",
                "Patients with a request not yet scheduled",
                site,
                s -> s.backlog().waitingListPatients());
        gauge(
                "clinic.urgent.requests.seen.within.target.ratio",
                "Share of urgent requests seen within 72 hours",
                site,
                s -> s.access().urgentSeenWithinTarget().value());
        // affordability
        gauge(
                "clinic.assisted.patients.ratio",
                "Share of invoiced patients with financial assistance",
                site,
                s -> s.affordability().assistedPatients().value());
        gauge(
                "clinic.discount.average.dollars",
                "Average discount of discounted invoices",
                site,
                s -> s.affordability().averageDiscount().doubleValue());
        gauge(
                "clinic.discount.ratio",
                "Discounts over invoice subtotals",
                site,
                s -> s.affordability().discount().value());
        gauge(
                "clinic.collection.rate.ratio",
                "Net payments over invoiced totals",
                site,
                s -> s.affordability().collection().value());
        gauge(
                "clinic.outstanding.balance.dollars",
                "Invoiced totals not yet paid",
                site,
                s -> s.affordability().outstandingBalance().doubleValue());
        for (PayerType payer : PayerType.values()) {
            gauge(
                    "clinic.payer.mix.patients",
                    "Patients by payer type",
                    site,
                    Tags.of("payer_type", payer.name()),
                    s -> s.backlog().payerMix().getOrDefault(payer, 0L));
        }
        // safety and outcomes
        for (int grade = 1; grade <= 5; grade++) {
            int g = grade;
            for (AdverseEventCategory category : AdverseEventCategory.values()) {
                counter(
                        "clinic.adverse.events",
                        "Adverse events reported",
                        site,
                        Tags.of("grade", Integer.toString(g), "category", category.name()),
                        s -> s.safety().adverseEvents().get(g).getOrDefault(category, 0L));
            }
        }
        gauge(
                "clinic.adverse.events.per.100.infusions",
                "Adverse events per 100 infusions given (completed or stopped)",
                site,
                s -> s.safety().adverseEventsPer100Infusions());
        for (String rule : IndicatorProjection.VITALS_RULES) {
            counter(
                    "clinic.vitals.alerts",
                    "Vitals alerts raised",
                    site,
                    Tags.of("rule", rule),
                    s -> s.safety().vitalsAlertsByRule().getOrDefault(rule, 0L));
        }
        gauge(
                "clinic.clinical.holds.open",
                "Patients on clinical hold",
                site,
                s -> s.backlog().clinicalHoldsOpen());
        counter(
                "clinic.depression.courses.evaluated",
                "Completed depression courses with a baseline and a final PHQ-9",
                site,
                s -> s.outcomes().depressionCoursesEvaluated());
        gauge(
                "clinic.response.rate.ratio",
                "Share of depression courses with PHQ-9 down 50%",
                site,
                s -> s.outcomes().responseRate());
        gauge(
                "clinic.remission.rate.ratio",
                "Share of depression courses ending with PHQ-9 under 5",
                site,
                s -> s.outcomes().remissionRate());
    }

    private void counter(String name, String help, String site, ToDoubleFunction<SiteIndicators> value) {
        counter(name, help, site, Tags.empty(), value);
    }

    private void counter(String name, String help, String site, Tags tags, ToDoubleFunction<SiteIndicators> value) {
        FunctionCounter.builder(name, snapshots, read(site, value))
                .description(help)
                .tags(tags.and("site", site))
                .register(registry);
    }

    private void gauge(String name, String help, String site, ToDoubleFunction<SiteIndicators> value) {
        gauge(name, help, site, Tags.empty(), value);
    }

    private void gauge(String name, String help, String site, Tags tags, ToDoubleFunction<SiteIndicators> value) {
        Gauge.builder(name, snapshots, read(site, value))
                .description(help)
                .tags(tags.and("site", site))
                .register(registry);
    }

    private static ToDoubleFunction<IndicatorSnapshots> read(String site, ToDoubleFunction<SiteIndicators> value) {
        return snapshots ->
                snapshots.current().site(site).map(value::applyAsDouble).orElse(0.0);
    }
}
