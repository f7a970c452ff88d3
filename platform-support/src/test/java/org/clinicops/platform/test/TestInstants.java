package org.clinicops.platform.test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.clinicops.clock.ClinicClock;

/**
 * Instants a test can choose, relative to the run's start ({@link ClinicClock#runStart()}), never to
 * today's date: the run can start at any instant ({@code -Dclinic.clock.start}) and the test still
 * gets the kind of moment its rule needs.
 */
public final class TestInstants {

    private TestInstants() {}

    /** The first Monday to Friday after the run's start day, at {@code time} in {@code zone}. */
    public static Instant weekdayAt(LocalTime time, ZoneId zone) {
        return weekdayAt(time, zone, 0);
    }

    /**
     * The weekday {@code weekdaysLater} weekdays after {@link #weekdayAt(LocalTime, ZoneId)}, at {@code
     * time} in {@code zone}.
     */
    public static Instant weekdayAt(LocalTime time, ZoneId zone, int weekdaysLater) {
        LocalDate day = nextWeekday(runStartDay(zone));
        for (int i = 0; i < weekdaysLater; i++) {
            day = nextWeekday(day);
        }
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The first {@code dayOfWeek} after the run's start day, at {@code time} in {@code zone}. */
    public static Instant next(DayOfWeek dayOfWeek, LocalTime time, ZoneId zone) {
        LocalDate day = runStartDay(zone).plusDays(1);
        while (day.getDayOfWeek() != dayOfWeek) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The run's start day in {@code zone}. */
    public static LocalDate runStartDay(ZoneId zone) {
        return ClinicClock.runStart().atZone(zone).toLocalDate();
    }

    private static LocalDate nextWeekday(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
