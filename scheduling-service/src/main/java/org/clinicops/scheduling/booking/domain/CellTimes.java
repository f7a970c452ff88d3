package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of a grid cell's start inside reservation ids ({@code 2026-11-30T14:00:00Z}), remembered
 * both ways: a slot search builds and reads thousands of cell ids for the same few hundred grid
 * times, and formatting or parsing an instant each time was a third of a booking's CPU. Bounded:
 * when full, it starts over.
 */
public final class CellTimes {

    static final int MAX_ENTRIES = 50_000;

    private static final Map<Instant, String> TEXT = new ConcurrentHashMap<>();
    private static final Map<String, Instant> TIMES = new ConcurrentHashMap<>();

    private CellTimes() {}

    /** {@link Instant#toString()}, remembered. */
    public static String format(Instant cell) {
        String text = TEXT.get(cell);
        if (text == null) {
            text = cell.toString();
            remember(TEXT, cell, text);
        }
        return text;
    }

    /** {@link Instant#parse}, remembered. */
    public static Instant parse(String text) {
        Instant cell = TIMES.get(text);
        if (cell == null) {
            cell = Instant.parse(text);
            remember(TIMES, text, cell);
        }
        return cell;
    }

    private static <K, V> void remember(Map<K, V> map, K key, V value) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, value);
    }
}
