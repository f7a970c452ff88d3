package org.clinicops.bench.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTimerTest {

    private static String scrape(int under5ms, int under10ms, int total, double sum) {
        return """
                # HELP clinic_booking_series_seconds Time to book
                clinic_booking_series_seconds_bucket{outcome="BOOKED",le="0.005"} %d
                clinic_booking_series_seconds_bucket{outcome="BOOKED",le="0.01"} %d
                clinic_booking_series_seconds_bucket{outcome="BOOKED",le="+Inf"} %d
                clinic_booking_series_seconds_count{outcome="BOOKED"} %d
                clinic_booking_series_seconds_sum{outcome="BOOKED"} %s
                clinic_booking_series_seconds_count{outcome="WAITING"} 99
                """.formatted(under5ms, under10ms, total, total, sum);
    }

    @Test
    void theDifferenceOfTwoScrapesGivesTheBookingsInBetween() {
        ServiceTimer before = ServiceTimer.parse(scrape(10, 10, 10, 0.03));
        ServiceTimer after = ServiceTimer.parse(scrape(60, 105, 110, 0.73));

        ServiceTimer between = after.minus(before);

        assertThat(between.count()).isEqualTo(100);
        assertThat(between.meanMillis()).isCloseTo(7.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(between.percentileMillis(50)).isEqualTo(5.0);
        assertThat(between.percentileMillis(95)).isEqualTo(10.0);
        assertThat(between.percentileMillis(99)).isInfinite();
    }

    @Test
    void growthWithinTheLogBoundIsLogarithmic() {
        var flat = BookingScale.Growth.of(Map.of(0, 3.0, 10_000, 8.0, 50_000, 8.5, 200_000, 9.0));
        assertThat(flat.logarithmic()).isTrue();
        assertThat(flat.pairs()).isEqualTo(2);
        var linear = BookingScale.Growth.of(Map.of(10_000, 8.0, 50_000, 40.0, 200_000, 160.0));
        assertThat(linear.logarithmic()).isFalse();
    }
}
