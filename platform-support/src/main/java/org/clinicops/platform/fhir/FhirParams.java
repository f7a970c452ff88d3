package org.clinicops.platform.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The search parameters the FHIR API takes, parsed once: a {@code reference} to a patient, a {@code
 * date} with FHIR's prefixes, a {@code token} list. A bad value is a 400 naming the parameter.
 */
public final class FhirParams {

    /** FHIR R4's logical id: at most 64 letters, digits, '-' and '.'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private FhirParams() {}

    /**
     * A time window {@code [from, to)}; a null end is open.
     *
     * @param from the first instant in the window
     * @param to the first instant after it
     */
    public record DateRange(
            @Nullable Instant from, @Nullable Instant to) {

        /** Every time. */
        public static final DateRange ANY = new DateRange(null, null);

        public boolean contains(@Nullable Instant at) {
            return at != null && (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }

        DateRange and(DateRange other) {
            Instant start =
                    from == null ? other.from : other.from == null || from.isAfter(other.from) ? from : other.from;
            Instant end = to == null ? other.to : other.to == null || to.isBefore(other.to) ? to : other.to;
            return new DateRange(start, end);
        }
    }

    /**
     * The patient a {@code patient} parameter names ({@code Patient/p_1} or {@code p_1}), or null when
     * none is given.
     */
    public static @Nullable String patient(@Nullable String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String id = reference.startsWith("Patient/") ? reference.substring("Patient/".length()) : reference;
        return id(id, "patient");
    }

    /**
     * The platform's id behind a FHIR logical id (from a read's path or a reference).
     *
     * @throws InvalidRequestException (400) when it is not a FHIR id
     */
    public static String id(String fhirId, String parameter) {
        if (!ID.matcher(fhirId).matches()) {
            throw new InvalidRequestException(parameter, "is not a valid FHIR id");
        }
        return fhirId.replace('.', '_');
    }

    /**
     * The FHIR logical id of a platform id. The platform's ids ({@code p_x-Y9…}) are URL-safe base64
     * behind a prefix and never hold a '.', but R4 ids may not hold '_': each '_' is written as '.',
     * so {@code p_x-Y9} is {@code p.x-Y9} and {@link #id} gives it back.
     */
    public static String fhirId(String id) {
        return id.replace('_', '.');
    }

    /**
     * The window of one or more {@code date} values ({@code 2026-11-02}, {@code ge2026-11-01}, {@code
     * lt2026-11-03T12:00:00Z}); every value must hold (they are joined with AND). A day is a UTC day; a
     * time without an offset is refused.
     */
    public static DateRange dates(@Nullable List<String> values, String parameter) {
        DateRange range = DateRange.ANY;
        if (values == null) {
            return range;
        }
        for (String value : values) {
            if (!value.isBlank()) {
                range = range.and(date(value.trim(), parameter));
            }
        }
        return range;
    }

    private static DateRange date(String value, String parameter) {
        String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
        String text = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
        Instant start;
        Instant end;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                start = OffsetDateTime.parse(text).toInstant();
                end = start.plusNanos(1);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(parameter, "is not a FHIR date (yyyy-mm-dd or a time with an offset)");
        }
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "eq" -> new DateRange(start, end);
            case "ge" -> new DateRange(start, null);
            case "gt" -> new DateRange(end, null);
            case "le" -> new DateRange(null, end);
            case "lt" -> new DateRange(null, start);
            default -> throw new InvalidRequestException(parameter, "takes the prefixes eq, ge, gt, le and lt only");
        };
    }

    /** The codes of a token parameter ({@code booked,fulfilled}), lower case; empty when none is given. */
    public static List<String> tokens(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .map(code -> code.substring(code.indexOf('|') + 1).toLowerCase(Locale.ROOT))
                .toList();
    }
}
