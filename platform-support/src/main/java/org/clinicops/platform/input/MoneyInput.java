package org.clinicops.platform.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one gate for money coming in, from a JSON body and a form field alike: at most {@value
 * #MAX_INTEGER_DIGITS} digits before the decimal point and {@value #MAX_DECIMALS} after it, not
 * negative. Everything is checked on the text or on the number's precision and scale, before any
 * arithmetic: {@code 1e300000000} is refused at once, never scaled to cents. Accepted amounts are
 * {@link BigDecimal}s of scale 2 (cents).
 */
public final class MoneyInput {

    public static final int MAX_INTEGER_DIGITS = 12;
    public static final int MAX_DECIMALS = 2;

    /** The most characters a typed amount may have (12 digits, 3 separators, a point, 2 decimals, a sign). */
    public static final int MAX_LENGTH = 20;

    /** How an API documents an amount: a decimal string such as {@code 1250.00}. */
    public static final String PATTERN = "^\\d{1,12}(\\.\\d{1,2})?$";

    /** Digits with an optional fraction, or digits grouped by thousands with commas (1,250.00). */
    private static final Pattern TYPED = Pattern.compile("(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");

    private MoneyInput() {}

    /** Why an amount is refused, with the message shown to whoever typed it. */
    public enum Problem {
        EMPTY("Enter an amount."),
        NOT_AN_AMOUNT("Enter an amount such as 125.00 (digits, a point and at most 2 decimals)."),
        NEGATIVE("The amount must not be negative."),
        NOT_POSITIVE("Enter an amount greater than 0."),
        TOO_MANY_DECIMALS("Use at most 2 decimals."),
        TOO_LARGE("Use at most 12 digits before the decimal point.");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A parsed amount (in cents) or the reason it was refused. */
    public record Parsed(
            @Nullable BigDecimal amount, @Nullable Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Parses what someone typed: optional {@code $}, digits with thousands grouped by commas or not, a
     * point and up to 2 decimals. Zero is allowed unless {@code positive}.
     */
    public static Parsed parse(@Nullable String raw, boolean positive) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return refused(Problem.EMPTY);
        }
        if (text.length() > MAX_LENGTH) {
            return refused(
                    text.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')
                            ? Problem.TOO_LARGE
                            : Problem.NOT_AN_AMOUNT);
        }
        boolean negative = text.startsWith("-");
        if (negative) {
            text = text.substring(1).strip();
        }
        if (text.startsWith("$")) {
            text = text.substring(1).strip();
        }
        if (!TYPED.matcher(text).matches()) {
            return refused(Problem.NOT_AN_AMOUNT);
        }
        BigDecimal value = new BigDecimal(text.replace(",", ""));
        if (negative && value.signum() != 0) {
            return refused(Problem.NEGATIVE);
        }
        return check(value, positive).map(MoneyInput::refused).orElseGet(() -> new Parsed(cents(value), null));
    }

    /**
     * The amount of text that {@link #parse} accepts, in cents.
     *
     * @throws IllegalArgumentException when it does not (validate first, e.g. with {@link AmountText})
     */
    public static BigDecimal amountOf(@Nullable String raw, boolean positive) {
        Parsed parsed = parse(raw, positive);
        if (parsed.amount() == null) {
            throw new IllegalArgumentException("not an accepted amount: " + parsed.problem());
        }
        return parsed.amount();
    }

    /**
     * Checks an amount that is already a number (a JSON body): empty when it is acceptable. Only
     * precision and scale are read, so a huge exponent costs nothing.
     */
    public static Optional<Problem> check(BigDecimal value, boolean positive) {
        if (value.signum() < 0) {
            return Optional.of(Problem.NEGATIVE);
        }
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of(Problem.TOO_LARGE);
        }
        // bounded above: at most 12 integer digits, and the text it came from is short
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of(Problem.TOO_MANY_DECIMALS);
        }
        if (positive && value.signum() == 0) {
            return Optional.of(Problem.NOT_POSITIVE);
        }
        return Optional.empty();
    }

    /** Half-even to cents; within the bounds above this never loses more than trailing zeros. */
    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN);
    }

    private static Parsed refused(Problem problem) {
        return new Parsed(null, problem);
    }
}
