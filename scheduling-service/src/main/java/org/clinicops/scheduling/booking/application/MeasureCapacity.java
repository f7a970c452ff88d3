package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.clinicops.scheduling.sites.domain.SiteCalendar;
import org.springframework.stereotype.Service;

/**
 * Measures each site's capacity from the store: chair utilization (today and the next 7 days), days
 * until a new infusion series could start, and what waits for capacity. The metrics adapter turns
 * a measurement into gauges, periodically.
 */
@Service
public class MeasureCapacity {

    /**
     * One site's capacity.
     *
     * @param utilizationToday booked over available chair-minutes today (site time)
     * @param utilizationNext7Days the same over the 7 days after today
     * @param daysUntilNextSeries days until a standard series could start; -1 when none fits the horizon
     */
    public record SiteCapacity(
            String siteId, double utilizationToday, double utilizationNext7Days, double daysUntilNextSeries) {}

    /**
     * @param waitingBySite entries waiting for capacity per site, by site id; 0 for a site without any
     */
    public record Measurement(List<SiteCapacity> sites, SortedMap<String, Long> waitingBySite) {}

    private final SiteRepository sites;
    private final Reservations reservations;
    private final WaitingList waitingList;
    private final SlotSearch search;
    private final SchedulingProperties properties;
    private final Clock clock;

    MeasureCapacity(
            SiteRepository sites,
            Reservations reservations,
            WaitingList waitingList,
            SlotSearch search,
            SchedulingProperties properties,
            Clock clock) {
        this.sites = sites;
        this.reservations = reservations;
        this.waitingList = waitingList;
        this.search = search;
        this.properties = properties;
        this.clock = clock;
    }

    public Measurement handle() {
        List<Site> all = sites.findAll();
        List<SiteCapacity> capacities = new ArrayList<>();
        for (Site site : all) {
            LocalDate today = clock.instant().atZone(site.zone()).toLocalDate();
            capacities.add(new SiteCapacity(
                    site.id(),
                    utilization(site, today, today),
                    utilization(site, today.plusDays(1), today.plusDays(7)),
                    daysUntilNextSeries(site, today)));
        }
        SortedMap<String, Long> waiting = new TreeMap<>(waitingList.sizeBySite());
        all.forEach(site -> waiting.putIfAbsent(site.id(), 0L));
        return new Measurement(capacities, waiting);
    }

    /**
     * Booked chair-minutes over open chair-minutes of the chairs in service, from day {@code first} to
     * {@code last}: one read of the site's taken cells for the whole span, whatever its days and
     * opening intervals.
     */
    double utilization(Site site, LocalDate first, LocalDate last) {
        SiteCalendar calendar = site.calendar();
        List<SiteCalendar.Interval> open = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            open.addAll(calendar.openIntervals(day));
        }
        Set<String> chairs = site.chairsInService().stream()
                .map(chair -> Reservation.chair(site.id(), chair.id()))
                .collect(Collectors.toSet());
        if (open.isEmpty() || chairs.isEmpty()) {
            return 0.0;
        }
        long available = 0;
        Instant from = open.get(0).start();
        Instant to = open.get(0).end();
        for (SiteCalendar.Interval interval : open) {
            available += Duration.between(interval.start(), interval.end()).toMinutes() * chairs.size();
            from = interval.start().isBefore(from) ? interval.start() : from;
            to = interval.end().isAfter(to) ? interval.end() : to;
        }
        long cellMinutes = search.grid().cell().toMinutes();
        long booked = 0;
        for (Reservations.TakenCell taken : reservations.atSite(site.id(), from, to)) {
            if (chairs.contains(taken.resource())
                    && open.stream().anyMatch(interval -> interval.contains(taken.cell()))) {
                booked += cellMinutes;
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
        return series.map(s -> (double) ChronoUnit.DAYS.between(
                        today, s.get(0).startsAt().atZone(site.zone()).toLocalDate()))
                .orElse(-1.0);
    }
}
