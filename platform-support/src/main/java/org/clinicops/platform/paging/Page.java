package org.clinicops.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of what a reader found.
 *
 * @param request the page that was asked for
 * @param totalElements how many items all the pages hold together
 */
public record Page<T>(List<T> content, PageRequest request, long totalElements) {

    public Page {
        content = List.copyOf(content);
    }

    /** The same page with each item converted. */
    public <R> Page<R> map(Function<? super T, ? extends R> converter) {
        return new Page<>(content.stream().<R>map(converter).toList(), request, totalElements);
    }
}
