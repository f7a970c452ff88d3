package org.clinicops.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.scheduling.sites.domain.SiteCalendar;

/**
 * Where an appointment may start on a day: inside one opening interval of the site (in its time
 * zone, so a daylight-saving change keeps local opening times), never on a closure day, on the grid,
 * not before the earliest instant, and ending by closing time.
 */
public record OpeningHoursPolicy(SiteCalendar calendar, SlotGrid grid) {

    public List<Instant> candidateStarts(LocalDate day, Duration length, Instant earliest) {
        List<Instant> starts = new ArrayList<>();
        for (SiteCalendar.Interval open : calendar.openIntervals(day)) {
            Instant from = grid.roundUp(open.start().isBefore(earliest) ? earliest : open.start());
            for (Instant start = from; !start.plus(length).isAfter(open.end()); start = start.plus(grid.cell())) {
                starts.add(start);
            }
        }
        return starts;
    }

    /** Whether [start, end) lies within one opening interval of its local day, on the grid or not. */
    public boolean isOpen(Instant start, Instant end) {
        return calendar.openIntervals(calendar.localDate(start)).stream().anyMatch(i -> i.contains(start, end));
    }

    /** Whether [start, start + length) lies within one opening interval of its local day. */
    public boolean fits(Instant start, Duration length) {
        if (!grid.isOnGrid(start)) {
            return false;
        }
        Instant end = start.plus(length);
        return calendar.openIntervals(calendar.localDate(start)).stream().anyMatch(i -> i.contains(start, end));
    }
}
