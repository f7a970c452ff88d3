package org.clinicops.scheduling.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.SiteCalendar;

final class Fixtures {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SlotGrid GRID = SlotGrid.ofMinutes(15);

    private Fixtures() {}

    static SiteCalendar everyDay(ZoneId zone, LocalTime opens, LocalTime closes, LocalDate... closures) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(OpeningHours.of(day, opens, closes));
        }
        return new SiteCalendar(zone, hours, List.of(closures));
    }
}
