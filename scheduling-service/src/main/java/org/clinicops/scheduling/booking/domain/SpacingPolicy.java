package org.clinicops.scheduling.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days may hold the next session of a series: between the minimum and maximum spacing after
 * the previous session. With {@code weekdaysOnly} sessions fall on Monday-Friday and the spacing is
 * counted in weekdays, so "5 consecutive weekdays" (spacing 1-1) runs Friday then Monday.
 */
public record SpacingPolicy(int minDays, int maxDays, boolean weekdaysOnly) {

    public SpacingPolicy {
        if (minDays < 0 || maxDays < minDays) {
            throw new IllegalArgumentException("spacing needs 0 <= min <= max");
        }
    }

    public boolean allowsFirstDay(LocalDate day) {
        return !weekdaysOnly || isWeekday(day);
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
