package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SpacingPolicyTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    void offersTheDaysBetweenMinimumAndMaximumSpacing() {
        assertThat(new SpacingPolicy(2, 4, false).nextDays(FRIDAY))
                .containsExactly(FRIDAY.plusDays(2), FRIDAY.plusDays(3), FRIDAY.plusDays(4));
    }

    @Test
    void runsConsecutiveWeekdaysFromFridayToMonday() {
        SpacingPolicy daily = new SpacingPolicy(1, 1, true);

        assertThat(daily.nextDays(FRIDAY)).containsExactly(LocalDate.of(2026, 12, 7));
        assertThat(daily.allowsFirstDay(LocalDate.of(2026, 12, 5))).isFalse();
    }

    @Test
    void countsWeekdaysOnlyWhenAskedTo() {
        assertThat(new SpacingPolicy(2, 3, true).nextDays(FRIDAY))
                .containsExactly(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9));
    }

    @Test
    void countsTheGapInCalendarDaysOrInWeekdays() {
        LocalDate monday = LocalDate.of(2026, 12, 7);

        assertThat(new SpacingPolicy(1, 3, false).gap(FRIDAY, monday)).isEqualTo(3);
        assertThat(new SpacingPolicy(1, 3, true).gap(FRIDAY, monday)).isEqualTo(1);
        assertThat(new SpacingPolicy(1, 3, true).gap(monday, FRIDAY)).isEqualTo(-1);
        assertThat(new SpacingPolicy(1, 3, false).gap(FRIDAY, FRIDAY)).isZero();
    }

    @Test
    void neverAllowsTwoSessionsOnOneDayEvenWithAZeroMinimum() {
        SpacingPolicy zero = new SpacingPolicy(0, 0, false);

        assertThat(zero.minGap()).isEqualTo(1);
        assertThat(zero.maxGap()).isEqualTo(1);
        assertThat(zero.nextDays(FRIDAY)).containsExactly(FRIDAY.plusDays(1));
    }

    @Test
    void theLatestNextDayKeepsTheMaximum() {
        assertThat(new SpacingPolicy(2, 4, false).latestAfter(FRIDAY)).isEqualTo(FRIDAY.plusDays(4));
        assertThat(new SpacingPolicy(1, 2, true).latestAfter(FRIDAY)).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void refusesAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new SpacingPolicy(4, 2, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
