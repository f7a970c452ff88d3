package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.scheduling.booking.domain.Fixtures.GRID;
import static org.clinicops.scheduling.booking.domain.Fixtures.NEW_YORK;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.clinicops.scheduling.sites.domain.Site;
import org.clinicops.scheduling.sites.domain.SiteCalendar;
import org.junit.jupiter.api.Test;

class OpeningHoursPolicyTest {

    private final OpeningHoursPolicy policy =
            new OpeningHoursPolicy(Fixtures.everyDay(NEW_YORK, LocalTime.of(8, 0), LocalTime.of(18, 0)), GRID);

    @Test
    void offersStartsFromOpeningUntilTheLastOneThatEndsByClosing() {
        List<Instant> starts = policy.candidateStarts(
                LocalDate.of(2026, 12, 1), Duration.ofMinutes(165), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(starts.get(0)).isEqualTo(Instant.parse("2026-12-01T13:00:00Z")); // 08:00 EST
        assertThat(starts.get(starts.size() - 1)).isEqualTo(Instant.parse("2026-12-01T20:15:00Z")); // 15:15 EST
    }

    @Test
    void keepsLocalOpeningTimesAcrossTheNovemberDaylightSavingChange() {
        Instant earliest = Instant.parse("2026-10-01T00:00:00Z");
        Duration length = Duration.ofMinutes(45);

        assertThat(policy.candidateStarts(LocalDate.of(2026, 10, 30), length, earliest)
                        .get(0))
                .isEqualTo(Instant.parse("2026-10-30T12:00:00Z")); // 08:00 EDT (UTC-4)
        assertThat(policy.candidateStarts(LocalDate.of(2026, 11, 1), length, earliest)
                        .get(0))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z")); // the change day: 08:00 EST (UTC-5)
        assertThat(policy.candidateStarts(LocalDate.of(2026, 11, 2), length, earliest)
                        .get(0))
                .isEqualTo(Instant.parse("2026-11-02T13:00:00Z"));
    }

    @Test
    void offersNothingOnAClosureDay() {
        SiteCalendar closedOnThanksgiving =
                Fixtures.everyDay(NEW_YORK, LocalTime.of(8, 0), LocalTime.of(18, 0), LocalDate.of(2026, 11, 26));
        OpeningHoursPolicy withClosure = new OpeningHoursPolicy(closedOnThanksgiving, GRID);

        assertThat(withClosure.candidateStarts(LocalDate.of(2026, 11, 26), Duration.ofMinutes(45), Instant.EPOCH))
                .isEmpty();
        assertThat(withClosure.candidateStarts(LocalDate.of(2026, 11, 27), Duration.ofMinutes(45), Instant.EPOCH))
                .isNotEmpty();
    }

    @Test
    void startsNoEarlierThanNowRoundedUpToTheGrid() {
        List<Instant> starts = policy.candidateStarts(
                LocalDate.of(2026, 12, 1), Duration.ofMinutes(45), Instant.parse("2026-12-01T15:07:30Z"));

        assertThat(starts.get(0)).isEqualTo(Instant.parse("2026-12-01T15:15:00Z"));
    }

    @Test
    void isClosedOnWeekendsByDefault() {
        SiteCalendar defaults = new SiteCalendar(ZoneId.of("Europe/Berlin"), Site.defaultOpeningHours(), List.of());
        OpeningHoursPolicy weekdays = new OpeningHoursPolicy(defaults, GRID);

        assertThat(weekdays.candidateStarts(LocalDate.of(2026, 12, 5), Duration.ofMinutes(45), Instant.EPOCH))
                .isEmpty();
        assertThat(weekdays.fits(Instant.parse("2026-12-07T07:00:00Z"), Duration.ofMinutes(45)))
                .isTrue();
        assertThat(weekdays.fits(Instant.parse("2026-12-07T16:30:00Z"), Duration.ofMinutes(45)))
                .isFalse();
        assertThat(weekdays.fits(Instant.parse("2026-12-07T07:05:00Z"), Duration.ofMinutes(45)))
                .isFalse();
    }
}
