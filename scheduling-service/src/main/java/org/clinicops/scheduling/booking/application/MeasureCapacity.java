package org.clinicops.scheduling.booking.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.clinicops.events.SessionStopped;
import org.clinicops.scheduling.booking.domain.DischargeCheck;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Site;
import org.clinicops.scheduling.sites.domain.SiteCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-site scheduling indicators: chair utilization (today and the next 7 days), waiting list size,
 * days until a new infusion series could start, no-shows and late cancellations. Gauges are
 * recomputed periodically from the database; labels are site ids and fixed window names only.
 */
@Component
public class SchedulingMetrics {

    private final MeterRegistry meters;
    private final SiteRepository sites;
    private final Reservations reservations;
    private final WaitingList waitingList;
    private final SlotSearch search;
    private final SchedulingProperties properties;
    private final Clock clock;
    private final MultiGauge utilization;
    private final MultiGauge waiting;
    private final MultiGauge daysUntilSeries;

    SchedulingMetrics(
            MeterRegistry meters,
            SiteRepository sites,
            Reservations reservations,
            WaitingList waitingList,
            SlotSearch search,
            SchedulingProperties properties,
            Clock clock) {
        this.meters = meters;
        this.sites = sites;
        this.reservations = reservations;
        this.waitingList = waitingList;
        this.search = search;
        this.properties = properties;
        this.clock = clock;
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

    public void noShow(String siteId) {
        Counter.builder("clinic.scheduling.no.shows.recorded")
                .description("Sessions the patient missed")
                .tag("site", siteId)
                .register(meters)
                .increment();
    }

    public void lateCancellation(String siteId) {
        Counter.builder("clinic.scheduling.late.cancellations.recorded")
                .description("Cancellations under the late-cancellation window before the start")
                .tag("site", siteId)
                .register(meters)
                .increment();
    }

    /** {@code clinic_scheduling_discharge_refusals_total{site,check}}: completions refused, per failed check. */
    public void dischargeRefused(String siteId, List<DischargeCheck> checks) {
        for (DischargeCheck check : checks) {
            Counter.builder("clinic.scheduling.discharge.refusals")
                    .description("Infusion completions refused by a discharge check, per failed check")
                    .tag("site", siteId)
                    .tag("check", check.name())
                    .register(meters)
                    .increment();
        }
    }

    /** {@code clinic_scheduling_discharge_overrides_total{site,check}}: failed checks a clinician overrode. */
    public void dischargeOverridden(String siteId, List<DischargeCheck> checks) {
        for (DischargeCheck check : checks) {
            Counter.builder("clinic.scheduling.discharge.overrides")
                    .description("Failed discharge checks a clinician or admin overrode, per check")
                    .tag("site", siteId)
                    .tag("check", check.name())
                    .register(meters)
                    .increment();
        }
    }

    /** {@code clinic_scheduling_sessions_stopped_total{site,reason}}: infusions stopped early. */
    public void sessionStopped(String siteId, SessionStopped.Reason reason) {
        Counter.builder("clinic.scheduling.sessions.stopped")
                .description("Infusions stopped before their planned end, per reason")
                .tag("site", siteId)
                .tag("reason", reason.name())
                .register(meters)
                .increment();
    }

    @Scheduled(
            fixedDelayString = "${clinic.scheduling.metrics-refresh-interval:30s}",
            initialDelayString = "${clinic.scheduling.metrics-refresh-interval:30s}")
    public void refresh() {
        List<Site> all = sites.findAll();
        List<MultiGauge.Row<?>> utilizationRows = new ArrayList<>();
        List<MultiGauge.Row<?>> seriesRows = new ArrayList<>();
        for (Site site : all) {
            LocalDate today = clock.instant().atZone(site.zone()).toLocalDate();
            utilizationRows.add(
                    MultiGauge.Row.of(Tags.of("site", site.id(), "window", "today"), utilization(site, today, today)));
            utilizationRows.add(MultiGauge.Row.of(
                    Tags.of("site", site.id(), "window", "next_7_days"),
                    utilization(site, today.plusDays(1), today.plusDays(7))));
            seriesRows.add(MultiGauge.Row.of(Tags.of("site", site.id()), daysUntilNextSeries(site, today)));
        }
        utilization.register(utilizationRows, true);
        daysUntilSeries.register(seriesRows, true);
        Map<String, Long> sizes = new java.util.TreeMap<>(waitingList.sizeBySite());
        all.forEach(site -> sizes.putIfAbsent(site.id(), 0L));
        waiting.register(
                sizes.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("site", e.getKey()), e.getValue()))
                        .toList(),
                true);
    }

    /** Booked chair-minutes over open chair-minutes of the chairs in service, from day {@code first} to {@code last}. */
    double utilization(Site site, LocalDate first, LocalDate last) {
        SiteCalendar calendar = site.calendar();
        long available = 0;
        long booked = 0;
        Duration cell = search.grid().cell();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (SiteCalendar.Interval open : calendar.openIntervals(day)) {
                long openMinutes = Duration.between(open.start(), open.end()).toMinutes();
                available += openMinutes * site.chairsInService().size();
                for (Reservation r : reservations.atSite(site.id(), open.start(), open.end())) {
                    for (Chair chair : site.chairsInService()) {
                        if (r.resource().equals(Reservation.chair(site.id(), chair.id()))) {
                            booked += cell.toMinutes();
                        }
                    }
                }
            }
        }
        return available == 0 ? 0.0 : (double) booked / available;
    }

    /** Days from today until the first session of a standard series (6 sessions, 2-4 days apart) could start. */
    double daysUntilNextSeries(Site site, LocalDate today) {
        SiteResources resources = SlotSearch.resourcesOf(site);
        if (resources.chairIds().isEmpty() || resources.nurses() == 0) {
            return -1;
        }
        Instant earliest = search.grid().roundUp(clock.instant());
        int horizon = properties.seriesHorizonDays();
        Occupancy occupancy = search.occupancy(
                resources, "metrics-probe", earliest, earliest.plus(Duration.ofDays(horizon + 6L * 7 + 7)), "");
        Optional<List<Slot>> series = search.finder()
                .series(
                        resources,
                        "metrics-probe",
                        IntStream.rangeClosed(1, 6).mapToObj(n -> "probe-" + n).toList(),
                        Duration.ofMinutes(160),
                        new SpacingPolicy(2, 4, false),
                        earliest,
                        today.plusDays(horizon),
                        occupancy);
        return series.map(s -> (double) java.time.temporal.ChronoUnit.DAYS.between(
                        today, s.get(0).startsAt().atZone(site.zone()).toLocalDate()))
                .orElse(-1.0);
    }
}
