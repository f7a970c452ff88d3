package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class DosesAndDemoTimeTest {

    @Test
    void anIvDoseIsMgPerKgTimesTheDaysWeight() {
        assertThat(Doses.planned(new BigDecimal("0.5"), null, new BigDecimal("81.3")))
                .isEqualByComparingTo("40.6");
        assertThat(Doses.planned(null, new BigDecimal("84"), new BigDecimal("81.3")))
                .isEqualByComparingTo("84");
    }

    @Test
    void aPlanWithoutADoseIsAMistake() {
        assertThatThrownBy(() -> Doses.planned(null, null, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(200)
    void theGivenDoseIsAlwaysWithinTenPercentOfThePlan(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        BigDecimal weight = BigDecimal.valueOf(40 + random.nextInt(150)).add(BigDecimal.valueOf(random.nextInt(10), 1));
        BigDecimal planned = random.nextBoolean()
                ? Doses.planned(new BigDecimal("0.5"), null, weight)
                : Doses.planned(null, new BigDecimal(random.nextBoolean() ? "56" : "84"), weight);

        BigDecimal given = Doses.given(planned, random);

        assertThat(Doses.withinTolerance(given, planned))
                .as("%s mg for %s mg planned", given, planned)
                .isTrue();
    }

    @Test
    void toleranceIsTenPercentEitherWay() {
        assertThat(Doses.withinTolerance(new BigDecimal("44.0"), new BigDecimal("40.0")))
                .isTrue();
        assertThat(Doses.withinTolerance(new BigDecimal("44.1"), new BigDecimal("40.0")))
                .isFalse();
        assertThat(Doses.withinTolerance(new BigDecimal("35.9"), new BigDecimal("40.0")))
                .isFalse();
    }

    @Test
    void aStepDueInTheBusinessPastRunsAtOnce() {
        Instant now = Instant.parse("2027-03-15T14:00:00Z");
        DemoTime time = new DemoTime(Clock.fixed(now, ZoneOffset.UTC), 120);

        assertThat(time.until(now.minusSeconds(60))).isZero();
        assertThat(time.until(now.plus(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(time.real(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void speedMustBePositive() {
        assertThatThrownBy(() -> new DemoTime(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
