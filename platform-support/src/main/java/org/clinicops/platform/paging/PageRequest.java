package org.clinicops.platform.paging;

import java.util.List;

/**
 * One page to read: its number (from 0), its size, and the order to read in.
 *
 * @param sort the keys to sort by, most significant first; empty for the reader's default order
 */
public record PageRequest(int number, int size, List<SortOrder> sort) {

    public PageRequest {
        if (number < 0 || size < 1) {
            throw new IllegalArgumentException("a page has a number >= 0 and a size >= 1, not " + number + "/" + size);
        }
        sort = List.copyOf(sort);
    }

    /** The page in the reader's default order. */
    public static PageRequest of(int number, int size) {
        return new PageRequest(number, size, List.of());
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) number * size;
    }

    /** Whether the caller chose an order. */
    public boolean sorted() {
        return !sort.isEmpty();
    }

    /** This page, in {@code fallback} order when the caller chose none. */
    public PageRequest sortedOr(List<SortOrder> fallback) {
        return sorted() ? this : new PageRequest(number, size, fallback);
    }
}
