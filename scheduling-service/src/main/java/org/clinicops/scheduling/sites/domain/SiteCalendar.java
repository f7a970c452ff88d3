package org.clinicops.scheduling.sites.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a site is open: weekly opening hours and closure days, read in the site's time zone. Local
 * times are turned into instants per day, so a daylight-saving change shifts the UTC hours and
 * keeps the local ones.
 */
public record SiteCalendar(ZoneId zone, List<OpeningHours> openingHours, List<LocalDate> closures) {

    public SiteCalendar {
        openingHours = List.copyOf(openingHours);
        closures = List.copyOf(closures);
    }

    public boolean isClosed(LocalDate day) {
        return Set.copyOf(closures).contains(day);
    }

    /** The open intervals of one local day, as instants; none on a closure day. */
    public List<Interval> openIntervals(LocalDate day) {
        if (isClosed(day)) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        for (OpeningHours hours : openingHours) {
            if (hours.day() == day.getDayOfWeek()) {
                intervals.add(new Interval(
                        day.atTime(hours.opensAt()).atZone(zone).toInstant(),
                        day.atTime(hours.closesAt()).atZone(zone).toInstant()));
            }
        }
        return intervals;
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** A half-open time interval [start, end). */
    public record Interval(Instant start, Instant end) {

        public boolean contains(Instant from, Instant to) {
            return !from.isBefore(start) && !to.isAfter(end);
        }

        /** Whether the instant falls within [start, end). */
        public boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
