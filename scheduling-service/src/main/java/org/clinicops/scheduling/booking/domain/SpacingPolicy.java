package org.clinicops.scheduling.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days may hold the next session of a series: between the minimum and maximum spacing after
 * the previous session. With {@code weekdaysOnly} sessions fall on Monday-Friday and the spacing is
 * counted in weekdays, so "5 consecutive weekdays" (spacing 1-1) runs Friday then Monday.
 */
public record SpacingPolicy(int minDays, int maxDays, boolean weekdaysOnly) {

    /**
     * The spacing of a session stored before sessions kept their plan's spacing: at least one day
     * apart (never two on one day), no maximum worth enforcing.
     */
    public static final SpacingPolicy UNKNOWN = new SpacingPolicy(1, 366, false);

    public SpacingPolicy {
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException("spacing needs 0 <= min <= max");
        }
    }

    public boolean allowsFirstDay(LocalDate day) {
        return allowsDay(day);
    }

    /** Whether any session of the plan may fall on this day (Monday-Friday with {@code weekdaysOnly}). */
    public boolean allowsDay(LocalDate day) {
        return !weekdaysOnly || isWeekday(day);
    }

    /** The least gap between consecutive sessions: never two on one day, whatever the plan says. */
    public int minGap() {
        return Math.max(minDays, 1);
    }

    /** The largest gap between consecutive sessions. */
    public int maxGap() {
        return Math.max(maxDays, 1);
    }

    /**
     * The gap from {@code from} to {@code to} as the plan counts it: calendar days, or with {@code
     * weekdaysOnly} the weekdays after {@code from} up to and including {@code to}. Zero on the same
     * day, negative when {@code to} is before {@code from}.
     */
    public int gap(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -gap(to, from);
        }
        if (!weekdaysOnly) {
            return (int) ChronoUnit.DAYS.between(from, to);
        }
        int weekdays = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWeekday(day)) {
                weekdays++;
            }
        }
        return weekdays;
    }

    /** The last day the next session may fall on to keep the maximum spacing after {@code previous}. */
    public LocalDate latestAfter(LocalDate previous) {
        List<LocalDate> days = nextDays(previous);
        return days.get(days.size() - 1);
    }

    /** The allowed days of the next session, earliest first. */
    public List<LocalDate> nextDays(LocalDate previous) {
        List<LocalDate> days = new ArrayList<>();
        if (!weekdaysOnly) {
            for (int d = Math.max(minDays, 1); d <= Math.max(maxDays, 1); d++) {
                days.add(previous.plusDays(d));
            }
            return days;
        }
        LocalDate day = previous;
        int weekdays = 0;
        while (weekdays < Math.max(maxDays, 1)) {
            day = day.plusDays(1);
            if (isWeekday(day)) {
                weekdays++;
                if (weekdays >= Math.max(minDays, 1)) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
