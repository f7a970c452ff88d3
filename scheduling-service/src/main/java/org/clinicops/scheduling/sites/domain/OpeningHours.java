package org.clinicops.scheduling.sites.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When a site is open on one weekday, in the site's local time ({@code HH:mm}). Stored as strings so
 * the local time never passes through a time-zone conversion of the driver.
 */
public record OpeningHours(DayOfWeek day, String opens, String closes) {

    public OpeningHours {
        if (!LocalTime.parse(opens).isBefore(LocalTime.parse(closes))) {
            throw new IllegalArgumentException("opening hours must open before they close");
        }
    }

    public static OpeningHours of(DayOfWeek day, LocalTime opens, LocalTime closes) {
        return new OpeningHours(day, opens.toString(), closes.toString());
    }

    public LocalTime opensAt() {
        return LocalTime.parse(opens);
    }

    public LocalTime closesAt() {
        return LocalTime.parse(closes);
    }
}
