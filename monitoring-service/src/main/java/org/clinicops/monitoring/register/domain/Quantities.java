package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Milligrams in the register: decimals with at most {@value #SCALE} places (a microgram), never
 * floating point, stored at that scale so equal quantities compare and print alike. A single draw,
 * waste, count difference or correction is at most {@link #MAX_ENTRY_MG} (10 g, far above any
 * session's dose: a larger figure is a typing error); a receipt is at most {@link #MAX_UNITS} units.
 */
public final class Quantities {

    /** Decimal places of milligrams. */
    public static final int SCALE = 3;

    /** The most milligrams one draw, waste or correction may move (10 g). */
    public static final BigDecimal MAX_ENTRY_MG = new BigDecimal("10000");

    /** The most vials or devices one receipt or one lot holds. */
    public static final int MAX_UNITS = 1000;

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Quantities() {}

    /** A quantity of milligrams at the register's scale; refuses more decimal places than it keeps. */
    public static BigDecimal mg(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new IllegalArgumentException("milligrams have at most " + SCALE + " decimals: " + value);
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /**
     * A quantity a member of staff entered for one entry: more than 0 and at most 10 g, at most
     * {@value #SCALE} decimals.
     *
     * @throws InvalidRequestException (400) naming the field otherwise
     */
    public static BigDecimal entered(@Nullable BigDecimal value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required (milligrams)");
        }
        if (value.signum() <= 0) {
            throw new InvalidRequestException(field, "must be more than 0 mg");
        }
        if (value.compareTo(MAX_ENTRY_MG) > 0) {
            throw new InvalidRequestException(field, "must be at most 10000 mg (10 g) in one entry");
        }
        return scaled(value, field);
    }

    /** Like {@link #entered} but 0 is allowed (a count of an empty lot, a dose of nothing). */
    public static BigDecimal enteredOrZero(@Nullable BigDecimal value, String field, BigDecimal max) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required (milligrams)");
        }
        if (value.signum() < 0) {
            throw new InvalidRequestException(field, "must not be negative");
        }
        if (value.compareTo(max) > 0) {
            throw new InvalidRequestException(field, "must be at most " + max.toPlainString() + " mg");
        }
        return scaled(value, field);
    }

    private static BigDecimal scaled(BigDecimal value, String field) {
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidRequestException(field, "has at most " + SCALE + " decimals");
        }
        return mg(value);
    }

    /** Whether two quantities differ by at most the tolerance. */
    public static boolean within(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }
}
