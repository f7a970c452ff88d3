package org.clinicops.monitoring.indicators.adapter.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.Condition;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.PayerType;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.indicators.application.IndicatorSnapshots;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
import org.clinicops.monitoring.indicators.domain.Indicators;
import org.clinicops.monitoring.indicators.domain.Ratio;
import org.clinicops.monitoring.indicators.domain.SiteIndicators;
import org.clinicops.monitoring.indicators.domain.Window;
import org.springframework.stereotype.Component;

/**
 * Exports the counters and gauges of the indicator snapshot. Every function reads the latest
 * snapshot, which is computed from the stored facts, so the values survive a restart. The series
 * of a site are registered, at zero, as soon as the site is known. Counters count everything since
 * the first event; the backlog gauges are the state now; every other gauge exists once per {@link
 * Window} ({@code window} = {@code 30d}, {@code 90d}, {@code all}), and every rate also as its
 * numerator and denominator. Labels are bounded: site, window and codes, never ids.
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
        for (InfusionCancelled.Reason reason : InfusionCancelled.Reason.values()) {
            counter(
                    "clinic.cancellations",
                    "Sessions cancelled, by reason (CLINICAL_HOLD: put on hold, which is no cancellation)",
                    site,
                    Tags.of("reason", reason.name()),
                    s -> s.throughput().cancellationsByReason().getOrDefault(reason, 0L));
        }
        counter(
                "clinic.late.cancellations",
                "Sessions cancelled under 24 h before their start (holds are no cancellations)",
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
        // safety counters: everything since the first event
        for (int grade = 1; grade <= 5; grade++) {
            int g = grade;
            for (AdverseEventCategory category : AdverseEventCategory.values()) {
                counter(
                        "clinic.adverse.events",
                        "Adverse events reported",
                        site,
                        Tags.of("grade", Integer.toString(g), "category", category.name()),
                        s -> s.safety(Window.ALL_TIME).adverseEvents().get(g).getOrDefault(category, 0L));
            }
        }
        for (String rule : IndicatorProjection.VITALS_RULES) {
            counter(
                    "clinic.vitals.alerts",
                    "Vitals alerts raised",
                    site,
                    Tags.of("rule", rule),
                    s -> s.safety(Window.ALL_TIME).vitalsAlertsByRule().getOrDefault(rule, 0L));
        }
        counter(
                "clinic.depression.courses.evaluated",
                "Completed depression courses with a baseline PHQ-9 above 0 and one at a session",
                site,
                s -> s.outcomes(Window.ALL_TIME).depressionCoursesEvaluated());
        // the backlog: the state now, in no window
        gauge(
                "clinic.waiting.list.patients",
                "Patients with a request not yet scheduled",
                site,
                Tags.empty(),
                s -> s.backlog().waitingListPatients());
        gauge(
                "clinic.clinical.holds.open",
                "Patients on clinical hold",
                site,
                Tags.empty(),
                s -> s.backlog().clinicalHoldsOpen());
        for (PayerType payer : PayerType.values()) {
            gauge(
                    "clinic.payer.mix.patients",
                    "Patients by payer type",
                    site,
                    Tags.of("payer_type", payer.name()),
                    s -> s.backlog().payerMix().getOrDefault(payer, 0L));
        }
        for (Window window : Window.values()) {
            registerWindow(site, window);
        }
    }

    /** The figures of one window, labelled {@code window}, by the business time of each fact. */
    private void registerWindow(String site, Window window) {
        Tags tags = Tags.of("window", window.label());
        // access
        gauge(
                "clinic.request.to.consultation.days.p50",
                "Median days from request to consultation",
                site,
                tags,
                s -> SiteIndicators.percentile(s.access(window).requestToConsultationDays(), 50));
        gauge(
                "clinic.request.to.consultation.days.p90",
                "90th percentile of days from request to consultation",
                site,
                tags,
                s -> SiteIndicators.percentile(s.access(window).requestToConsultationDays(), 90));
        gauge(
                "clinic.request.to.first.infusion.days.p50",
                "Median days from request to first infusion",
                site,
                tags,
                s -> SiteIndicators.percentile(s.access(window).requestToFirstInfusionDays(), 50));
        gauge(
                "clinic.request.to.first.infusion.days.p90",
                "90th percentile of days from request to first infusion",
                site,
                tags,
                s -> SiteIndicators.percentile(s.access(window).requestToFirstInfusionDays(), 90));
        ratio(
                "clinic.treatment.started.within.target",
                "Share of patients starting treatment within the target (clinic.monitoring.indicators.treatment-start-target)",
                site,
                tags,
                s -> s.access(window).startedWithinTarget());
        ratio(
                "clinic.urgent.requests.seen.within.target",
                "Share of urgent requests whose consultation took place within the target (clinic.monitoring.indicators.urgent-seen-target)",
                site,
                tags,
                s -> s.access(window).urgentSeenWithinTarget());
        ratio(
                "clinic.no.show.rate",
                "Sessions missed over sessions due (completed, stopped or missed)",
                site,
                tags,
                s -> s.access(window).noShows());
        ratio(
                "clinic.late.cancellation.rate",
                "Sessions cancelled under 24 h over sessions due or cancelled (holds are neither)",
                site,
                tags,
                s -> s.access(window).lateCancellations());
        // affordability
        ratio(
                "clinic.assisted.patients",
                "Share of invoiced patients with financial assistance",
                site,
                tags,
                s -> s.affordability(window).assistedPatients());
        average(
                "clinic.out.of.pocket.per.session.average.dollars",
                "Patient share per session (after insurance, assistance and packages)",
                site,
                tags,
                s -> s.affordability(window).outOfPocketPerSessionAverage());
        average(
                "clinic.out.of.pocket.per.course.average.dollars",
                "Patient share per completed course (sessions and fees)",
                site,
                tags,
                s -> s.affordability(window).outOfPocketPerCourseAverage());
        average(
                "clinic.discount.average.dollars",
                "Average discount of discounted invoices (prepaid sessions are no discount)",
                site,
                tags,
                s -> s.affordability(window).averageDiscount());
        ratio(
                "clinic.discount",
                "Discounts over invoice subtotals",
                site,
                tags,
                s -> s.affordability(window).discount());
        ratio(
                "clinic.collection.rate",
                "Net payments over invoiced totals",
                site,
                tags,
                s -> s.affordability(window).collection());
        gauge(
                "clinic.outstanding.balance.dollars",
                "Invoiced totals not yet paid",
                site,
                tags,
                s -> s.affordability(window).outstandingBalance().doubleValue());
        // safety and outcomes
        gauge(
                "clinic.adverse.events.per.100.infusions",
                "Adverse events per 100 infusions given (completed or stopped)",
                site,
                tags,
                s -> s.safety(window).adverseEventsPer100Infusions());
        for (int grade = 1; grade <= 5; grade++) {
            int g = grade;
            gauge(
                    "clinic.adverse.events.per.100.infusions.numerator",
                    "Adverse events, by grade (sum over grades and sites, over the denominator's sum: the rate)",
                    site,
                    tags.and("grade", Integer.toString(g)),
                    s -> s.safety(window).adverseEvents().get(g).values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        }
        gauge(
                "clinic.adverse.events.per.100.infusions.denominator",
                "Infusions given (completed or stopped)",
                site,
                tags,
                s -> s.safety(window).adverseEventsPerInfusion().denominator());
        ratio(
                "clinic.response.rate",
                "Share of depression courses with PHQ-9 down 50%",
                site,
                tags,
                s -> s.outcomes(window).response());
        ratio(
                "clinic.remission.rate",
                "Share of depression courses with a baseline PHQ-9 of 10 or more ending under 5",
                site,
                tags,
                s -> s.outcomes(window).remission());
    }

    /**
     * An average as three gauges: {@code <name>} (this site's average), {@code <name>.numerator} (the
     * sum) and {@code <name>.denominator} (how many), so that sites add up.
     */
    private void average(String name, String help, String site, Tags tags, Function<SiteIndicators, Ratio> value) {
        gauge(name, help, site, tags, s -> value.apply(s).value());
        gauge(
                name + ".numerator",
                help + ": sum",
                site,
                tags,
                s -> value.apply(s).numerator());
        gauge(
                name + ".denominator",
                help + ": count",
                site,
                tags,
                s -> value.apply(s).denominator());
    }

    /**
     * A rate as three gauges: {@code <name>.ratio} (this site's rate), {@code <name>.numerator} and
     * {@code <name>.denominator}, so that sites add up as the sum of numerators over the sum of
     * denominators.
     */
    private void ratio(String name, String help, String site, Tags tags, Function<SiteIndicators, Ratio> value) {
        gauge(name + ".ratio", help, site, tags, s -> value.apply(s).value());
        gauge(
                name + ".numerator",
                help + ": numerator",
                site,
                tags,
                s -> value.apply(s).numerator());
        gauge(
                name + ".denominator",
                help + ": denominator",
                site,
                tags,
                s -> value.apply(s).denominator());
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
