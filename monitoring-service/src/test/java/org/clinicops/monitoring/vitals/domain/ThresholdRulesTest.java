package org.clinicops.monitoring.vitals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ThresholdRulesTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Thresholds DEFAULTS = Thresholds.defaults();

    static VitalsReading reading(int minute, int systolic, int diastolic, int heartRate, int spo2) {
        Instant at = T0.plusSeconds(60L * minute);
        return new VitalsReading(at, systolic, diastolic, heartRate, spo2, 14, at, "vit_" + minute);
    }

    static VitalsReading normal(int minute) {
        return reading(minute, 130, 80, 80, 98);
    }

    @Nested
    class BloodPressureSevere {
        final VitalsRule rule = new BloodPressureSevereRule();

        @Test
        void firesAboveTwoHundredSystolicOnce() {
            assertThat(rule.crossedBy(reading(0, 201, 90, 80, 98), List.of(), DEFAULTS))
                    .isTrue();
        }

        @Test
        void doesNotFireAtExactlyTwoHundredOverOneTwenty() {
            assertThat(rule.crossedBy(reading(0, 200, 120, 80, 98), List.of(), DEFAULTS))
                    .isFalse();
        }

        @Test
        void firesAboveOneTwentyDiastolic() {
            assertThat(rule.crossedBy(reading(0, 170, 121, 80, 98), List.of(), DEFAULTS))
                    .isTrue();
        }
    }

    @Nested
    class BloodPressureHighRepeated {
        final VitalsRule rule = new BloodPressureHighRepeatedRule();

        @Test
        void firesOnTwoHighReadingsFiveMinutesApart() {
            assertThat(rule.crossedBy(reading(5, 181, 90, 80, 98), List.of(reading(0, 185, 90, 80, 98)), DEFAULTS))
                    .isTrue();
        }

        @Test
        void doesNotFireOnTwoHighReadingsFourMinutesApart() {
            assertThat(rule.crossedBy(reading(4, 181, 90, 80, 98), List.of(reading(0, 185, 90, 80, 98)), DEFAULTS))
                    .isFalse();
        }

        @Test
        void firesAtTheEdgeOfTheFifteenMinuteWindowButNotBeyond() {
            assertThat(rule.crossedBy(reading(15, 181, 90, 80, 98), List.of(reading(0, 185, 90, 80, 98)), DEFAULTS))
                    .isTrue();
            assertThat(rule.crossedBy(reading(16, 181, 90, 80, 98), List.of(reading(0, 185, 90, 80, 98)), DEFAULTS))
                    .isFalse();
        }

        @Test
        void doesNotFireAtExactlyOneEightyOverOneTen() {
            assertThat(rule.crossedBy(reading(5, 180, 110, 80, 98), List.of(reading(0, 180, 110, 80, 98)), DEFAULTS))
                    .isFalse();
        }

        @Test
        void firesOnRepeatedHighDiastolicAlone() {
            assertThat(rule.crossedBy(reading(10, 150, 111, 80, 98), List.of(reading(0, 150, 112, 80, 98)), DEFAULTS))
                    .isTrue();
        }

        @Test
        void doesNotFireWhenTheEarlierReadingWasNormal() {
            assertThat(rule.crossedBy(reading(5, 190, 90, 80, 98), List.of(normal(0)), DEFAULTS))
                    .isFalse();
        }
    }

    @Nested
    class HeartRateSustained {
        final VitalsRule rule = new HeartRateSustainedRule();

        @Test
        void firesOnTwoConsecutiveReadingsAboveOneTwentyFiveMinutesApart() {
            assertThat(rule.crossedBy(reading(5, 130, 80, 121, 98), List.of(reading(0, 130, 80, 125, 98)), DEFAULTS))
                    .isTrue();
        }

        @Test
        void doesNotFireAtExactlyOneTwenty() {
            assertThat(rule.crossedBy(reading(5, 130, 80, 120, 98), List.of(reading(0, 130, 80, 130, 98)), DEFAULTS))
                    .isFalse();
        }

        @Test
        void doesNotFireOnASingleHighReading() {
            assertThat(rule.crossedBy(reading(5, 130, 80, 140, 98), List.of(normal(0)), DEFAULTS))
                    .isFalse();
        }

        @Test
        void doesNotFireWhenANormalReadingCameInBetween() {
            assertThat(rule.crossedBy(
                            reading(10, 130, 80, 130, 98),
                            List.of(reading(0, 130, 80, 130, 98), reading(8, 130, 80, 100, 98)),
                            DEFAULTS))
                    .isFalse();
        }

        @Test
        void doesNotFireOnTwoHighReadingsUnderFiveMinutesApart() {
            assertThat(rule.crossedBy(reading(4, 130, 80, 130, 98), List.of(reading(0, 130, 80, 130, 98)), DEFAULTS))
                    .isFalse();
        }
    }

    @Nested
    class OxygenSaturationLow {
        final VitalsRule rule = new OxygenSaturationLowRule();

        @Test
        void firesBelowNinetyTwo() {
            assertThat(rule.crossedBy(reading(0, 130, 80, 80, 91), List.of(), DEFAULTS))
                    .isTrue();
        }

        @Test
        void doesNotFireAtNinetyTwo() {
            assertThat(rule.crossedBy(reading(0, 130, 80, 80, 92), List.of(), DEFAULTS))
                    .isFalse();
        }
    }

    @Test
    void aSiteWithLowerThresholdsAlertsEarlier() {
        Thresholds strict =
                new Thresholds(160, 100, 180, 110, 110, 94, DEFAULTS.repeatMinGap(), DEFAULTS.repeatWindow());
        assertThat(new BloodPressureSevereRule().crossedBy(reading(0, 185, 90, 80, 98), List.of(), strict))
                .isTrue();
        assertThat(new OxygenSaturationLowRule().crossedBy(reading(0, 130, 80, 80, 93), List.of(), strict))
                .isTrue();
    }
}
