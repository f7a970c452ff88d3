package org.clinicops.monitoring.nurse.adapter.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in sentences the nurse page shows (a refusal's "took vitals until …") written in the site's
 * zone, as every other time on the page, instead of the UTC instant the use case wrote.
 */
final class SiteTimes {

    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private SiteTimes() {}

    /** The sentence with each UTC instant in it as the site's local date and time. */
    static String inZone(String sentence, ZoneId zone) {
        Matcher instants = INSTANT.matcher(sentence);
        StringBuilder shown = new StringBuilder();
        while (instants.find()) {
            String local;
            try {
                local = SHOWN.format(Instant.parse(instants.group()).atZone(zone));
            } catch (DateTimeParseException notAnInstant) {
                local = instants.group();
            }
            instants.appendReplacement(shown, Matcher.quoteReplacement(local));
        }
        instants.appendTail(shown);
        return shown.toString();
    }
}
