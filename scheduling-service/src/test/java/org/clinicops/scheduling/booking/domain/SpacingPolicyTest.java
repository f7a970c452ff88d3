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
    void refusesAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new SpacingPolicy(4, 2, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
