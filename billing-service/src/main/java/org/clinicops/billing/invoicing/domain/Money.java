package org.clinicops.billing.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money rules: amounts are BigDecimal rounded half-even to cents, never floating point. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {}

    /** Rounds half-even to cents: 0.125 → 0.12, 0.135 → 0.14. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** {@code percent} % of {@code amount}, rounded half-even to cents. */
    public static BigDecimal percentOf(BigDecimal amount, int percent) {
        return cents(amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED));
    }

    /** The amount as a decimal string with two decimals, e.g. {@code "450.00"}. */
    public static String format(BigDecimal amount) {
        return cents(amount).toPlainString();
    }
}
