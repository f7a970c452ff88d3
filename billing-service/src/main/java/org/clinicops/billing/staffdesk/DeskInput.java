package org.clinicops.billing.staffdesk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinicops.billing.invoicing.domain.MoneyInput;
import org.jspecify.annotations.Nullable;

/**
 * The one place the staff desk turns typed text into values: amounts through {@link MoneyInput} (the
 * API's rules), choices from an enum with the allowed values named, texts bounded in length, dates.
 * Each problem is kept beside the name of the field that caused it, for the page to show there.
 */
final class DeskInput {

    /** Most characters of a reason (refund, void) typed at the desk; the API allows the same. */
    static final int MAX_REASON = 500;

    private final Map<String, String> errors = new LinkedHashMap<>();

    Map<String, String> errors() {
        return errors;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** An amount: at most 12 digits before the point and 2 after it, greater than 0 when {@code positive}. */
    @Nullable
    BigDecimal amount(@Nullable String raw, String field, boolean positive) {
        MoneyInput.Parsed parsed = MoneyInput.parse(raw, positive);
        if (!parsed.ok()) {
            error(field, parsed.problem().message());
            return null;
        }
        return parsed.amount();
    }

    /** One of an enum's values, else the allowed values are named beside the field. */
    <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String raw, String field, String ask) {
        String text = raw == null ? "" : raw.strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        error(field, ask + " (one of " + allowed(type) + ").");
        return null;
    }

    /** A required text of at most {@code max} characters, stripped. */
    @Nullable
    String text(@Nullable String raw, String field, int max, String ask) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            error(field, ask);
            return null;
        }
        if (text.length() > max) {
            error(field, "Use at most " + max + " characters.");
            return null;
        }
        return text;
    }

    /** An optional ISO date (YYYY-MM-DD). */
    @Nullable
    LocalDate date(@Nullable String raw, String field) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 10) {
            error(field, "Enter a date as YYYY-MM-DD.");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(field, "Enter a date as YYYY-MM-DD.");
            return null;
        }
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
