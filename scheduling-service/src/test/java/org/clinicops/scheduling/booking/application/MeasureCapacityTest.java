package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.junit.jupiter.api.Test;

/**
 * Chair utilization counts the cells of chairs in service within opening hours, from one read of the
 * site's taken cells per span (the gauge is refreshed every minute, on every instance).
 */
class MeasureCapacityTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

    private final ConsultationWorld world = new ConsultationWorld(false, ConsultationWorld.MONDAY_7AM);

    @Test
    void countsChairCellsInServiceAndOpenFromOneReadPerSpan() {
        world.siteStore.insert(Site.register(
                "cap",
                "cap",
                ConsultationWorld.ZONE,
                "USD",
                List.of(
                        new Chair("c1", "Chair 1", true),
                        new Chair("c2", "Chair 2", true),
                        new Chair("c3", "Chair 3", false)),
                ConsultationWorld.physicians("dr"),
                Arrays.stream(DayOfWeek.values())
                        .filter(day -> day != DayOfWeek.SUNDAY)
                        .map(day -> OpeningHours.of(day, LocalTime.of(8, 0), LocalTime.of(9, 30)))
                        .toList(),
                "evt_cap",
                world.clock.instant()));
        String c1 = Reservation.chair("cap", "c1");
        String c2 = Reservation.chair("cap", "c2");
        String c3 = Reservation.chair("cap", "c3");
        assertThat(world.reservations.reserveAll(List.of(
                        taken(c1, MONDAY, "08:00"),
                        taken(c1, MONDAY, "08:15"), // two cells of an open chair today: 30 minutes
                        taken(c3, MONDAY, "08:30"), // a chair out of service
                        taken(c1, MONDAY, "09:30"), // after closing
                        taken(Reservation.nurseCapacity("cap", 0), MONDAY, "08:00"), // not a chair
                        taken(c2, MONDAY.plusDays(1), "09:00"), // tomorrow: 15 minutes
                        taken(c2, MONDAY.plusDays(6), "08:00")))) // Sunday, closed
                .isTrue();

        MeasureCapacity.SiteCapacity cap = world.capacity.handle().sites().stream()
                .filter(site -> site.siteId().equals("cap"))
                .findFirst()
                .orElseThrow();

        // today: 90 open minutes on two chairs in service; the next 7 days: six days open
        assertThat(cap.utilizationToday()).isCloseTo(30.0 / (90 * 2), within(1e-9));
        assertThat(cap.utilizationNext7Days()).isCloseTo(15.0 / (6 * 90 * 2), within(1e-9));
        assertThat(world.reservations.atSiteReads)
                .as("reads of the taken cells: one per span")
                .isEqualTo(2);
    }

    private static Reservation taken(String resource, LocalDate day, String time) {
        Instant cell =
                day.atTime(LocalTime.parse(time)).atZone(ConsultationWorld.ZONE).toInstant();
        return Reservation.of(resource, "cap", cell, "apt_" + resource + "_" + cell.toEpochMilli());
    }
}
