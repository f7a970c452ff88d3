package org.clinicops.platform.paging;

import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;

/**
 * Converts between the application's paging and Spring Data's, at the adapters: a web adapter takes
 * a {@link Pageable} and answers a {@link PagedModel}; a store adapter reads with a {@link Pageable}
 * and {@link Sort}.
 */
public final class SpringDataPages {

    private SpringDataPages() {}

    /** The page a request parameter set asks for (page, size and sort as Spring Data read them). */
    public static PageRequest fromPageable(Pageable pageable) {
        return new PageRequest(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                pageable.getSort().stream()
                        .map(order -> new SortOrder(
                                order.getProperty(),
                                order.isAscending() ? SortOrder.Direction.ASC : SortOrder.Direction.DESC))
                        .toList());
    }

    public static Pageable toPageable(PageRequest page) {
        return org.springframework.data.domain.PageRequest.of(page.number(), page.size(), toSort(page.sort()));
    }

    public static Sort toSort(List<SortOrder> sort) {
        return Sort.by(sort.stream()
                .map(order -> order.direction() == SortOrder.Direction.ASC
                        ? Sort.Order.asc(order.property())
                        : Sort.Order.desc(order.property()))
                .toList());
    }

    /** A page Spring Data read, for the application. */
    public static <T> Page<T> fromPage(org.springframework.data.domain.Page<T> page, PageRequest request) {
        return new Page<>(page.getContent(), request, page.getTotalElements());
    }

    /** The page as Spring Data shows it, for a page template (its number, total pages, next and previous). */
    public static <T> org.springframework.data.domain.Page<T> toSpringPage(Page<T> page) {
        return new PageImpl<>(page.content(), toPageable(page.request()), page.totalElements());
    }

    /** The page as the API answers it: {@code content} and {@code page} {size, number, totalElements, totalPages}. */
    public static <T> PagedModel<T> toPagedModel(Page<T> page) {
        return new PagedModel<>(toSpringPage(page));
    }
}
