package org.clinicops.bench.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private List<SiteHistory.Placement> generate(int history, int ahead) {
        List<SiteHistory.Placement> placements = new ArrayList<>();
        BookingScale.history().generate(history, ahead, TODAY, 60, 0.8, 42, placements::add);
        return placements;
    }

    @Test
    void generatesTheSizeAsHistoryAndAShareAheadWithoutSharingAChair() {
        List<SiteHistory.Placement> placements = generate(5_000, 700);

        assertThat(placements).hasSize(5_700);
        Instant startOfToday = TODAY.atStartOfDay(BookingScale.ZONE).toInstant();
        Instant windowEnd = TODAY.plusDays(61).atStartOfDay(BookingScale.ZONE).toInstant();
        assertThat(placements.subList(0, 5_000))
                .allMatch(p -> p.start().isBefore(startOfToday) && p.status() != SiteHistory.Status.SCHEDULED);
        assertThat(placements.subList(5_000, 5_700))
                .allMatch(p -> p.start().isAfter(startOfToday)
                        && p.start().isBefore(windowEnd)
                        && p.status() == SiteHistory.Status.SCHEDULED);
        Set<String> chairTimes = new HashSet<>();
        for (SiteHistory.Placement p : placements) {
            assertThat(chairTimes.add(p.chair() + "@" + p.start())).isTrue();
        }
        long completed = placements.stream()
                .filter(p -> p.status() == SiteHistory.Status.COMPLETED)
                .count();
        assertThat(completed).isBetween(4_300L, 4_700L);
    }

    @Test
    void sessionsSitWithinOpeningHoursOnOpenDays() {
        for (SiteHistory.Placement p : generate(2_000, 100)) {
            var local = p.start().atZone(BookingScale.ZONE);
            assertThat(BookingScale.DAYS).contains(local.getDayOfWeek());
            assertThat(local.toLocalTime()).isBetween(BookingScale.OPENS, BookingScale.CLOSES.minusHours(2));
        }
    }

    @Test
    void refusesMoreAheadThanTheWindowHolds() {
        int capacity = BookingScale.history().capacity(TODAY.plusDays(1), TODAY.plusDays(60));
        assertThat(capacity).isBetween(3_500, 3_800);
        assertThatThrownBy(() -> generate(0, capacity + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
