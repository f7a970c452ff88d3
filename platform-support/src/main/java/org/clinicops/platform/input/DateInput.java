package org.clinicops.platform.input;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The one gate for a calendar date typed into a form: ISO {@code YYYY-MM-DD}, at most {@value
 * #MAX_LENGTH} characters (so years 0000 to 9999), checked on the text before it is parsed. Nothing
 * typed is no date, not an error: a required date is asked for by the form.
 */
public final class DateInput {

    /** {@code YYYY-MM-DD}. */
    public static final int MAX_LENGTH = 10;

    /** What is shown beside a date that is not one. */
    public static final String MESSAGE = "Enter a date as YYYY-MM-DD.";

    private DateInput() {}

    /**
     * A typed date, or nothing typed, or the reason it was refused.
     *
     * @param date the date; null when nothing was typed or it was refused
     * @param problem why it was refused ({@link #MESSAGE}); null when accepted or empty
     */
    public record Parsed(@Nullable LocalDate date, @Nullable String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Parses what someone typed, stripped of surrounding blanks. */
    public static Parsed parse(@Nullable String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new Parsed(null, null);
        }
        if (text.length() > MAX_LENGTH) {
            return new Parsed(null, MESSAGE);
        }
        try {
            return new Parsed(LocalDate.parse(text), null);
        } catch (DateTimeParseException e) {
            return new Parsed(null, MESSAGE);
        }
    }

    /**
     * The date of text that {@link #parse} accepts; null when nothing was typed.
     *
     * @throws IllegalArgumentException when it is refused (validate first, e.g. with {@link DateText})
     */
    public static @Nullable LocalDate dateOf(@Nullable String raw) {
        Parsed parsed = parse(raw);
        if (!parsed.ok()) {
            throw new IllegalArgumentException("not a date: " + parsed.problem());
        }
        return parsed.date();
    }
}
