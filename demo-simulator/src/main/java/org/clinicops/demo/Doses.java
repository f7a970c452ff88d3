package org.clinicops.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The dose a nurse records at a session: the plan's dose for the day's weight (mg/kg times the
 * weight for IV, the fixed dose for esketamine), give or take at most {@value #JITTER_PERCENT} %,
 * so that it always lies within scheduling's 10 % tolerance of the plan.
 */
final class Doses {

    static final int JITTER_PERCENT = 5;

    static final BigDecimal TOLERANCE_PERCENT = BigDecimal.TEN;

    private Doses() {}

    /** The plan's dose for the day: {@code fixedMg} if set, else mg/kg times the weight. */
    static BigDecimal planned(@Nullable BigDecimal mgPerKg, @Nullable BigDecimal fixedMg, BigDecimal weightKg) {
        if (fixedMg != null) {
            return fixedMg;
        }
        if (mgPerKg == null) {
            throw new IllegalArgumentException("a plan has either mg/kg or a fixed dose");
        }
        return mgPerKg.multiply(weightKg).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** The planned dose varied by up to {@value #JITTER_PERCENT} % either way, to 0.1 mg. */
    static BigDecimal given(BigDecimal planned, RandomGenerator random) {
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER_PERCENT / 100.0;
        return planned.multiply(BigDecimal.valueOf(factor)).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** Whether {@code given} is within 10 % of {@code planned}. */
    static boolean withinTolerance(BigDecimal given, BigDecimal planned) {
        BigDecimal allowed = planned.multiply(TOLERANCE_PERCENT).divide(BigDecimal.valueOf(100));
        return given.subtract(planned).abs().compareTo(allowed) <= 0;
    }
}
