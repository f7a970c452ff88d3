package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.scheduling.booking.domain.Fixtures.GRID;
import static org.clinicops.scheduling.booking.domain.Fixtures.NEW_YORK;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotFinderTest {

    private static final Duration INFUSION = Duration.ofMinutes(160);
    private static final Instant TUESDAY_MORNING = Instant.parse("2026-12-01T12:00:00Z");

    private final SlotFinder finder = new SlotFinder(GRID, new NurseRatioPolicy(3));

    private static SiteResources site(int chairs, int nurses, LocalDate... closures) {
        List<String> chairIds = java.util.stream.IntStream.rangeClosed(1, chairs)
                .mapToObj(i -> "c" + i)
                .toList();
        return new SiteResources(
                "bos",
                Fixtures.everyDay(NEW_YORK, LocalTime.of(8, 0), LocalTime.of(18, 0), closures),
                chairIds,
                List.of("dr1"),
                nurses);
    }

    @Test
    void booksTheFirstInfusionAtOpeningOnTheFirstFreeChair() {
        Slot slot = finder.firstInfusionOn(
                        site(2, 1), "p1", "a1", INFUSION, LocalDate.of(2026, 12, 1), TUESDAY_MORNING, Occupancy.empty())
                .orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(slot.endsAt()).isEqualTo(Instant.parse("2026-12-01T15:45:00Z"));
        assertThat(slot.chairId()).isEqualTo("c1");
    }

    @Test
    void keepsConcurrentInfusionsWithinTheNurseRatioEvenWithFreeChairs() {
        SiteResources fiveChairsOneNurse = site(5, 1);
        Occupancy occupancy = Occupancy.empty();
        for (int i = 0; i < 3; i++) {
            Slot slot = finder.infusionAt(
                            fiveChairsOneNurse,
                            "p" + i,
                            "a" + i,
                            Instant.parse("2026-12-01T13:00:00Z"),
                            Duration.ofMinutes(165),
                            occupancy,
                            null)
                    .orElseThrow();
            occupancy.take(slot.reservations());
        }

        Optional<Slot> fourth = finder.firstInfusionOn(
                fiveChairsOneNurse, "p4", "a4", INFUSION, LocalDate.of(2026, 12, 1), TUESDAY_MORNING, occupancy);
        assertThat(fourth).map(Slot::startsAt).hasValue(Instant.parse("2026-12-01T15:45:00Z"));
    }

    @Test
    void neverPutsOnePatientInTwoOverlappingSessions() {
        Occupancy occupancy = Occupancy.empty();
        Slot first = finder.firstInfusionOn(
                        site(2, 1), "p1", "a1", INFUSION, LocalDate.of(2026, 12, 1), TUESDAY_MORNING, occupancy)
                .orElseThrow();
        occupancy.take(first.reservations());

        Slot second = finder.firstInfusionOn(
                        site(2, 1), "p1", "a2", INFUSION, LocalDate.of(2026, 12, 1), TUESDAY_MORNING, occupancy)
                .orElseThrow();
        assertThat(second.startsAt()).isEqualTo(first.endsAt());
    }

    @Test
    void booksASeriesWithinItsSpacingSkippingClosures() {
        // Thursday 3 December is a closure: session 2 (2-3 days after Tuesday) falls on Friday
        List<Slot> series = finder.series(
                        site(1, 1, LocalDate.of(2026, 12, 3)),
                        "p1",
                        List.of("a1", "a2", "a3"),
                        INFUSION,
                        new SpacingPolicy(2, 3, false),
                        TUESDAY_MORNING,
                        LocalDate.of(2026, 12, 31),
                        Occupancy.empty())
                .orElseThrow();

        assertThat(series)
                .extracting(s -> s.startsAt().atZone(NEW_YORK).toLocalDate())
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 6));
    }

    @Test
    void movesTheWholeSeriesLaterWhenALaterSessionCannotFitItsSpacing() {
        // daily weekday sessions; Monday 7 December is closed, so a 5-day run cannot start on Tue-Fri
        List<Slot> series = finder.series(
                        site(1, 1, LocalDate.of(2026, 12, 7)),
                        "p1",
                        List.of("a1", "a2", "a3", "a4", "a5"),
                        INFUSION,
                        new SpacingPolicy(1, 1, true),
                        TUESDAY_MORNING,
                        LocalDate.of(2026, 12, 31),
                        Occupancy.empty())
                .orElseThrow();

        assertThat(series.get(0).startsAt().atZone(NEW_YORK).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(series.get(4).startsAt().atZone(NEW_YORK).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void findsNoSeriesWhenItCannotFitWithinTheHorizon() {
        Optional<List<Slot>> series = finder.series(
                site(1, 0),
                "p1",
                List.of("a1", "a2"),
                INFUSION,
                new SpacingPolicy(2, 3, false),
                TUESDAY_MORNING,
                LocalDate.of(2026, 12, 31),
                Occupancy.empty());

        assertThat(series).isEmpty();
    }

    @Test
    void offersTheNearestFreeStartsAroundATakenOne() {
        Occupancy occupancy = Occupancy.empty();
        Slot taken = finder.infusionAt(
                        site(1, 1),
                        "p1",
                        "a1",
                        Instant.parse("2026-12-01T15:00:00Z"),
                        Duration.ofMinutes(165),
                        occupancy,
                        null)
                .orElseThrow();
        occupancy.take(taken.reservations());

        List<Instant> alternatives = finder.nearestFreeStarts(
                site(1, 1),
                "p2",
                "a2",
                true,
                INFUSION,
                Instant.parse("2026-12-01T15:00:00Z"),
                TUESDAY_MORNING,
                1,
                2,
                occupancy);

        assertThat(alternatives)
                .containsExactly(Instant.parse("2026-12-01T17:45:00Z"), Instant.parse("2026-12-01T18:00:00Z"));
    }
}
